"""TrialMatch: offline matching of a patient to clinical trials, criterion by criterion."""

__version__ = "0.1.0"
