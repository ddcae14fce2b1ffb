"""Inclusion sentences that say who is also accepted, not who is required.

"HIV-infected patients on effective anti-retroviral therapy ... are eligible", "Patients with a prior
malignancy whose natural history does not interfere ... are eligible": the finding readers see "the patient
has HIV" in them, and read as a requirement that would fail every patient without HIV. For a comorbidity
such a sentence means: without it, nothing to check; with it, the stated conditions, which go to the
clinician. For a concept that can be what the trial is for (a metastatic site, a biomarker, measurable
disease), "patients with brain metastases are eligible" may be the permission or the requirement, and the
whole item goes to review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AnyOf, leaves
from trialmatch.domain.criteria.reading.text import word_set
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.review import NeedsReview

_VERB = re.compile(
    r"(?<![a-z])(?:"
    r"(?:is|are|remain|will\s+be|would\s+be|shall\s+be|be)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable|accepted)"
    r"|(?:may|can|could|will)\s+(?:also\s+)?"
    r"(?:be\s+(?:eligible|enrolled|included|allowed|permitted|accepted|considered)|participate|enrol?l?|enter)"
    r"|(?<!not\s)(?:allowed|permitted|accepted|eligible)(?=\s*(?:[,.;()]|$)|\s+(?:if|unless|provided|providing|as"
    r"|for|in|at|after|but|when|only|once|since|while|until|during)(?![a-z]))"
    r")(?![a-z])"
)
""""are eligible", "may be enrolled", and the bare verb "Brain metastases allowed if asymptomatic"; not the
adjective "any acceptable test" nor "not allowed"."""
_PROHIBITION = re.compile(r"\W*(?:no|not|none)(?![a-z])")
""""No chemotherapy is allowed within 4 weeks": a prohibition, not a permission."""
_CUES = ("eligible", "allow", "permit", "accept", "may", "can", "could", "will", "enrol", "enter")
_MAY_DEFINE_THE_TRIAL = word_set(
    """
    metastatic_disease distant_metastases cns_disease primary_brain_tumour cns_metastases brain_metastases
    active_brain_metastases symptomatic_brain_metastases stable_brain_metastases
    leptomeningeal_disease spinal_cord_compression liver_metastases bone_metastases lung_metastases
    peritoneal_metastases measurable_disease evaluable_disease bone_marrow_involvement her2_positive
    hormone_receptor_positive
    triple_negative egfr_mutation alk_rearrangement ros1_rearrangement braf_v600_mutation kras_mutation
    brca_mutation msi_high informed_consent postmenopausal premenopausal childbearing_potential
    carcinoma_in_situ superior_vena_cava_syndrome transfusion_dependence
    """
)
"""Concepts a trial may be about: "patients with X are eligible" can then be its requirement."""


def may_define_the_trial(concept: str) -> bool:
    """Whether "patients with <concept> are eligible" can be what the trial requires, not only whom it also
    accepts."""
    return concept in _MAY_DEFINE_THE_TRIAL


_SUBJECT = re.compile(
    r"\W*(?P<subject>[^.;:]{3,120}?)\s+(?:must|should|shall|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+required\s+to"
    r"|(?:agrees?|willing|able)\s+to)(?![a-z])"
)
_GENERIC_SUBJECT = word_set(
    """
    all the patient patients participant participants subject subjects individual individuals person persons
    volunteer volunteers candidate candidates they he she eligible enrolled each every is are be
    able capable willing and
    """
)
"""Who an inclusion sentence speaks of when it asks the same of everyone: "Patients must have measurable
disease"; "Able and willing to give informed consent" names no one before "willing to"."""


_OTHERS = re.compile(r"(?<![a-z])(?:men|males?|partners?|fertile|all)(?![a-z])")


def states_permission(norm: str) -> bool:
    """Whether the (lower-case) text says someone "is eligible", "may be enrolled"..."""
    return (
        any(cue in norm for cue in _CUES) and not _PROHIBITION.match(norm) and _VERB.search(norm) is not None
    )


def asked_subject(norm: str) -> str | None:
    """Whom the (lower-case) sentence asks something of, when it names them before the verb and they are not
    everyone: "Women of childbearing potential must use contraception" asks nothing of the others, and read
    as "must be of childbearing potential" it would fail every man."""
    match = _SUBJECT.match(norm)
    if match is None or set(match.group("subject").split()) <= _GENERIC_SUBJECT:
        return None
    return match.group("subject")


def as_permission(rule: Rule, text: str, span: tuple[int, int], asked: str | None = None) -> Rule:
    """The rule an inclusion sentence states that accepts (``asked`` None), or asks something of (``asked``:
    whom), the patients with a finding, given what the finding readers read in it. A sentence that asks
    something of the patients with X is met by every patient without X, whatever X is; one that also asks
    something of others ("Men and women of childbearing potential must ...") is left for review."""
    asks = asked is not None
    if asked is not None and _asks_own_consent(rule):
        # "Participants who are willing to sign an informed consent form": asked of whoever gives it
        if _PROXY.search(asked):
            why = "consent asked of someone other than the patient: judge it"
            return NeedsReview(source_span=span, text=text, why=why)
        return rule
    if asked is not None and _OTHERS.search(asked):
        why = "asks something of the patients it names and of others: judge it"
        return NeedsReview(source_span=span, text=text, why=why)
    if isinstance(rule, FindingRule) and rule.present and (asks or not may_define_the_trial(rule.concept)):
        without = rule.model_copy(update={"present": False, "exceptions": []})
        why = (
            "what it asks of the patients it names: judge it for a patient who is one"
            if asks
            else "who is also accepted, and on what conditions: judge them for a patient who has it"
        )
        return AnyOf(source_span=span, children=[without, NeedsReview(source_span=span, text=text, why=why)])
    if _requires_a_finding(rule):
        why = "'eligible' may say who is accepted or who is required: judge it"
        return NeedsReview(source_span=span, text=text, why=why)
    return rule


_PROXY = re.compile(
    r"(?<![a-z])(?:parents?|guardians?|representatives?|relatives?|proxy|surrogates?|legal(?:ly)?|partners?"
    r"|caregivers?|spouses?|family|donors?)(?![a-z])"
)


def _asks_own_consent(rule: Rule) -> bool:
    return isinstance(rule, FindingRule) and rule.concept == "informed_consent" and rule.present


def _requires_a_finding(rule: Rule) -> bool:
    return any(isinstance(leaf, FindingRule) and leaf.present for leaf in leaves(rule))
