"""DP-SGD with Opacus: Poisson sampling, ghost clipping, noise calibrated to a whole budget.

Constraints: the noise multiplier is calibrated once for every epoch the caller plans (never per
epoch or per round); the accountant is RDP or PRV (GDP undercounts composed runs); per-window
norms of the bag embedding come from `privacy.bag_norms`, imported here so the sampler is always
registered before a model is wrapped. Noise comes from torch's generator: Opacus' secure mode
needs torchcsprng, which cannot be installed here.

Example:
    >>> DPConfig(target_epsilon=8.0, target_delta=1e-5).accountant
    'rdp'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch
from opacus import PrivacyEngine
from opacus.accountants.utils import get_noise_multiplier
from torch.utils.data import DataLoader

import privacy.bag_norms  # noqa: F401  (registers the bag embedding's norm sampler)

ACCOUNTANTS = ("rdp", "prv")


@dataclass(frozen=True)
class DPConfig:
    """A record-level (per conversation) privacy target for one training run."""

    target_epsilon: float
    target_delta: float
    max_grad_norm: float = 1.0
    accountant: str = "rdp"

    def __post_init__(self) -> None:
        if self.target_epsilon <= 0:
            raise ValueError("The target epsilon should be a positive value.")
        if not 0 < self.target_delta < 1:
            raise ValueError("The target delta should be between 0 and 1.")
        if self.max_grad_norm <= 0:
            raise ValueError("The clipping norm should be a positive value.")
        if self.accountant not in ACCOUNTANTS:
            raise ValueError(f"The accountant should be one of {ACCOUNTANTS}.")

    def to_json(self) -> dict[str, Any]:
        """Return the configuration as a JSON-ready dict."""
        return asdict(self)


@dataclass
class PrivateTraining:
    """The Opacus-wrapped objects of one private run, and how to read its epsilon."""

    model: torch.nn.Module
    optimizer: torch.optim.Optimizer
    criterion: Any
    loader: DataLoader[Any]
    engine: PrivacyEngine
    config: DPConfig
    noise_multiplier: float
    sample_rate: float

    def epsilon(self, delta: float) -> float:
        """The epsilon spent so far at `delta`, from the engine's accountant."""
        return float(self.engine.get_epsilon(delta))

    def card(self) -> dict[str, Any]:
        """The privacy section of a model card: what was spent and how."""
        return {
            "dp": True,
            "epsilon": self.epsilon(self.config.target_delta),
            "delta": self.config.target_delta,
            "noise_multiplier": self.noise_multiplier,
            "sample_rate": self.sample_rate,
            "max_grad_norm": self.config.max_grad_norm,
            "accountant": self.config.accountant,
            "unit": "conversation (record-level)",
        }


def calibrate_noise(config: DPConfig, sample_rate: float, epochs: int) -> float:
    """Noise multiplier that spends exactly the target budget over `epochs` epochs.

    Example:
        >>> round(calibrate_noise(DPConfig(8.0, 1e-5), sample_rate=0.01, epochs=10), 1)
        0.7
    """
    return float(
        get_noise_multiplier(
            target_epsilon=config.target_epsilon,
            target_delta=config.target_delta,
            sample_rate=sample_rate,
            epochs=epochs,
            accountant=config.accountant,
        )
    )


def make_private(
    model: torch.nn.Module,
    optimizer: torch.optim.Optimizer,
    loader: DataLoader[Any],
    config: DPConfig,
    epochs: int,
) -> PrivateTraining:
    """Wrap a non-private training setup for DP-SGD with ghost clipping."""
    sample_rate = 1.0 / len(loader)
    noise = calibrate_noise(config, sample_rate, epochs)
    engine = PrivacyEngine(accountant=config.accountant)
    private_model, private_optimizer, criterion, private_loader = engine.make_private(
        module=model,
        optimizer=optimizer,
        data_loader=loader,
        criterion=torch.nn.BCEWithLogitsLoss(),
        noise_multiplier=noise,
        max_grad_norm=config.max_grad_norm,
        poisson_sampling=True,
        grad_sample_mode="ghost",
    )
    return PrivateTraining(
        private_model,
        private_optimizer,
        criterion,
        private_loader,
        engine,
        config,
        noise,
        sample_rate,
    )
