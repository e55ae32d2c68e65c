"""Deterministic synthetic chat corpus (English and Dutch), non-explicit by rule."""

from simulations.synth.generator import generate_conversations
from simulations.synth.platforms import (
    PlatformProfile,
    generate_platform_corpora,
    make_platform_profiles,
)

__all__ = [
    "PlatformProfile",
    "generate_conversations",
    "generate_platform_corpora",
    "make_platform_profiles",
]
