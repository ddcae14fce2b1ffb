"""Criterion rules: one small module per kind, the union in ``registry``, the reader in ``parsing``."""

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.lab import LabException, LabThreshold, StratumVariant
from trialmatch.domain.criteria.logic import AllOf, Alternative, AnyOf
from trialmatch.domain.criteria.performance import PerformanceStatusRule
from trialmatch.domain.criteria.reading.parsing import parse_criterion
from trialmatch.domain.criteria.registry import RULE_KINDS, Rule, rule_from_json, rule_to_json
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.criteria.sex import SexRule
from trialmatch.domain.criteria.stage import StageRule
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.criteria.temporal import TemporalTherapyRule

__all__ = [
    "RULE_KINDS",
    "AgeRule",
    "AllOf",
    "Alternative",
    "AnyOf",
    "Comparator",
    "DerivedValueRule",
    "FindingException",
    "FindingRule",
    "LabException",
    "LabThreshold",
    "NeedsReview",
    "PerformanceStatusRule",
    "Rule",
    "SexRule",
    "StageRule",
    "StratumVariant",
    "TCategoryRule",
    "TemporalTherapyRule",
    "parse_criterion",
    "rule_from_json",
    "rule_to_json",
]
