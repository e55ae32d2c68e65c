"""Detection-quality measures of the evaluation protocol (pure numpy): see design/evaluation.md."""

from model.evaluation.classification import (
    Confusion,
    best_threshold,
    classification_metrics,
    f_beta,
)
from model.evaluation.early_warning import (
    early_warning_metrics,
    latency_penalty,
    sweep_skepticism,
    warning_index,
)
from model.evaluation.erde import erde
from model.evaluation.operating import base_rate_projection, rate_by_slice
from model.evaluation.ranking import average_precision, recall_at_fpr, roc_auc

__all__ = [
    "Confusion",
    "average_precision",
    "base_rate_projection",
    "best_threshold",
    "classification_metrics",
    "early_warning_metrics",
    "erde",
    "f_beta",
    "latency_penalty",
    "rate_by_slice",
    "recall_at_fpr",
    "roc_auc",
    "sweep_skepticism",
    "warning_index",
]
