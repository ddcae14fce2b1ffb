"""``parse_criterion``: one eligibility item to one rule, never raising.

The item is offered whole to each reader; when none reads it fully it is split into sentences, then into a
top-level list, and read part by part. What stays unread becomes ``NeedsReview`` with the reason, because a
rule read from half a sentence could fail a patient the trial accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import (
    THRESHOLD_KINDS,
    AllOf,
    Alternative,
    AnyOf,
    all_of_merged,
    leaf_kinds,
    leaves,
    reads_with_threshold,
)
from trialmatch.domain.criteria.performance import PerformanceStatusRule
from trialmatch.domain.criteria.reading.candidate_headings import likely_candidates
from trialmatch.domain.criteria.reading.counted_headings import COUNTED_HEADING, counted_heading, needed_by
from trialmatch.domain.criteria.reading.everyone_item import binds_everyone, states_own_requirement
from trialmatch.domain.criteria.reading.finding_heading_window import with_finding_window
from trialmatch.domain.criteria.reading.finding_permission_note import read_permitted_narrower
from trialmatch.domain.criteria.reading.lab_admitted_note import admits_the_unexcluded, may_admit
from trialmatch.domain.criteria.reading.lab_anticoagulation import (
    about_anticoagulated,
    waive_for_anticoagulated,
)
from trialmatch.domain.criteria.reading.lab_diagnosis_heading import with_diagnosis_timepoint
from trialmatch.domain.criteria.reading.lab_qualified import qualified_opposite
from trialmatch.domain.criteria.reading.lab_restated_waiver import admits_a_group, restates_a_waiver
from trialmatch.domain.criteria.reading.lab_shared_waiver import with_heading_waiver
from trialmatch.domain.criteria.reading.lab_test_notes import test_notes
from trialmatch.domain.criteria.reading.lab_window import with_heading_window
from trialmatch.domain.criteria.reading.list_narrowing import share_opening_narrowing
from trialmatch.domain.criteria.reading.list_window import share_windows
from trialmatch.domain.criteria.reading.numbers import read_number
from trialmatch.domain.criteria.reading.optional_part import optional_part
from trialmatch.domain.criteria.reading.organ_limit_item import binds_everyone_as_organ_limit
from trialmatch.domain.criteria.reading.permissions import (
    as_permission,
    asked_subject,
    may_define_the_trial,
    states_permission,
)
from trialmatch.domain.criteria.reading.read_admitted_complement import read_admitted_complement
from trialmatch.domain.criteria.reading.read_age_label import age_label
from trialmatch.domain.criteria.reading.read_age_variant import read_age_variant
from trialmatch.domain.criteria.reading.read_age_with import read_age_with
from trialmatch.domain.criteria.reading.read_alone_met import read_alone_met
from trialmatch.domain.criteria.reading.read_blood_pressure import names_blood_pressure, read_blood_pressure
from trialmatch.domain.criteria.reading.read_child_pugh import read_child_pugh
from trialmatch.domain.criteria.reading.read_composite import read_composite
from trialmatch.domain.criteria.reading.read_controlled_note import read_controlled_note
from trialmatch.domain.criteria.reading.read_defined import read_defined
from trialmatch.domain.criteria.reading.read_diabetic_subgroups import read_diabetic_subgroups
from trialmatch.domain.criteria.reading.read_examples import read_examples
from trialmatch.domain.criteria.reading.read_excepted import read_excepted
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_lab_alternatives import (
    last_alternative_if,
    read_lab_alternatives,
)
from trialmatch.domain.criteria.reading.read_labs import ONE_SEX_ONLY, analyte_mentions, read_labs
from trialmatch.domain.criteria.reading.read_not_achieved import read_not_achieved
from trialmatch.domain.criteria.reading.read_nyha import read_nyha
from trialmatch.domain.criteria.reading.read_nyha_limit import read_nyha_below, read_nyha_beside_labs
from trialmatch.domain.criteria.reading.read_or_alternatives import read_or_alternatives
from trialmatch.domain.criteria.reading.read_partial import read_partial
from trialmatch.domain.criteria.reading.read_people import read_age_and_sex, read_performance, read_sex
from trialmatch.domain.criteria.reading.read_preventive_use import read_preventive_use
from trialmatch.domain.criteria.reading.read_prostate_risk import read_prostate_risk
from trialmatch.domain.criteria.reading.read_raised_if import read_raised_if
from trialmatch.domain.criteria.reading.read_refractory import read_refractory
from trialmatch.domain.criteria.reading.read_relative_change import read_relative_change
from trialmatch.domain.criteria.reading.read_renal_age_methods import read_renal_age_methods
from trialmatch.domain.criteria.reading.read_renal_floor import read_renal_floor
from trialmatch.domain.criteria.reading.read_stage import read_stage
from trialmatch.domain.criteria.reading.read_subgroup_limits import read_subgroup_limits
from trialmatch.domain.criteria.reading.read_t_category import read_t_category
from trialmatch.domain.criteria.reading.read_tested_subgroup import read_tested_subgroup
from trialmatch.domain.criteria.reading.read_therapy import read_therapy
from trialmatch.domain.criteria.reading.read_threshold_cause import read_threshold_cause
from trialmatch.domain.criteria.reading.read_uncorrectable import read_uncorrectable
from trialmatch.domain.criteria.reading.read_unless import read_unless
from trialmatch.domain.criteria.reading.read_urine_protein import read_urine_protein
from trialmatch.domain.criteria.reading.read_weight_limits import read_weight_limits
from trialmatch.domain.criteria.reading.specific_headings import specific_subgroup
from trialmatch.domain.criteria.reading.text import (
    ALTERNATIVE_END,
    Read,
    Segment,
    masked,
    may_hold_quantity,
    sentences,
    split_top_level,
    word_set,
    words_of,
)
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.criteria.sex import SexRule
from trialmatch.domain.criteria.stage import StageRule
from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.trial import Section

_NOT_SPECIFIED = re.compile(
    r"\s*(?:not\s+specified|no\s+restrictions?|not\s+applicable|n/?a|none(?:\s+specified)?|any(?:\s+age)?|no\s+limits?"
    r"|no\s+requirements?|unrestricted)\s*\.?\s*"
)
_WHOLE_ITEM_STRATUM = re.compile(
    r"[(\[]\s*(?:only\s+)?(?:for\s+|in\s+)?(?:the\s+)?strat(?:um|a)\s+[a-z0-9]{1,3}(?:\s*(?:,|and|&|/|or)\s*[a-z0-9]{1,3})*"
    r"\s*(?:only)?\s*[)\]]"
)
""""(only for Stratum D)": the catalogue records it as Criterion.stratum; the reader skips the words."""
_PART_TAG = r"(?:[a-z]\d?|\d{1,2}[a-z]?|[ivx]{1,4})"
_PART_LABEL = re.compile(
    rf"\s*(?:for\s+)?(?:the\s+)?(?:phase|part|cohort|arm|group|strat(?:um|a))s?\s+{_PART_TAG}"
    rf"(?:\s*(?:,|/|&|and|or)\s*{_PART_TAG})*\s*(?:only\s*)?:\s+(?=[^\s(])"
)
""""Phase 3: Presence of measurable disease", "Cohort 1: ...": the segmenter records the part as
Criterion.stratum; the reader skips the label. "GROUP 1: (PATIENTS AGED > 65 AND < 75 YEARS)" heads the
group's exclusions: who the group is, not whom it excludes."""
_LABEL = re.compile(r"\s*(?P<label>[a-z][a-z /-]{2,40}?)\s*:\s+(?=\S)")
_HEADINGS = word_set(
    """
    age sex gender performance status performance life expectancy hematopoietic haematopoietic hepatic renal
    cardiovascular pulmonary other menopausal status biologic biological therapy chemotherapy endocrine
    metabolic therapy radiotherapy surgery hormonal therapy immunotherapy prior concurrent therapy
    abnormalities in hematologic haematologic hematological haematological test tests hemogram haemogram
    index
    """
)
_ALTERNATIVE_ITEM = re.compile(r"\(\s*(?:and\s*/\s*or|or)\s*\)\s*$")
""""... within the past 1 year (and/or)": the item is one of alternatives, read alone it could fail a patient
who meets another."""
_DANGLING_OR = re.compile(ALTERNATIVE_END)
""""ECOG 0-1 OR", "eGFR < 60 and UACR > 100 mg/g, or": an inclusion item ending in "or" has the next item as
its alternative, and alone it could fail a patient who meets that one (exclusion items are alternatives
anyway)."""
_DANGLING_AND = re.compile(r"(?<![a-z/])and\W*$")
""""Below 50 years of age, and": an exclusion item joined to the next by "and" excludes only with it, so
alone it would exclude patients the trial accepts."""
_NEGATED_HEADING = re.compile(
    r"\W*(?:no|none|without|free\s+of|absence\s+of|must\s+not|not)(?![a-z])"
    r"(?!\s+(?:more|less|greater|fewer|later|earlier|longer|older|younger|higher|lower)(?![a-z]))"
)
""""No clinically significant cardiac disease, including:", not "No more than 2 prior regimens"."""
_EXCEPT = re.compile(r"(?<![a-z])(?:except|unless|other\s+than|exceptions?)(?![a-z])")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}\.?\s+(?=[A-Z])|\(\d{1,2}\)\s*(?=[A-Za-z])(?!.*\(\d{1,2}\)))")
""""1 Participant must be ...", "(5) Patients with ...": an item number the segmenter left in the text; not
"(1) ... (2) ...", a list of its own the segmenter left whole."""
_AMENDED = re.compile(
    r"^\s*per\s+amendment\s+\d{1,2}/\d{1,2}/\d{2,4}\s*:\s*"
    r"|\s*\(\s*changed\s+from\s*(?:-|:)[^()]*(?:\([^()]*\)[^()]*)*\)?\s*\.?\s*$"
)
""""PER AMENDMENT 11/20/95: CD4 count >= 100 but < 500 cells/mm3. (Changed from - HIV infection.)": the date
of the amendment, and the wording it replaced, which no longer applies."""
_QUESTION = re.compile(
    r"\s*(?:does\s+the\s+(?:patient|subject|participant)\s+have|is\s+the\s+(?:patient|subject|participant))\s+"
    r"(?=[^?]+\?\s*$)|\?\s*$"
)
""""Does the patient have a bleeding disorder or a screening platelet count < 100 x 10^9/L?" under "(All
questions must be answered NO)": a checklist question states its criterion; the question words and mark are
skipped. A heading that asks the other answer than the section's ("answered YES" over exclusions) is not read
so."""
_ANSWERED = re.compile(r"answered\s+(?P<answer>yes|no)(?![a-z])")
_PERMISSION = re.compile(
    r"\s*(?:(?:prior|previous|concurrent)\s+)?[a-z][a-z /-]{2,40}?\s+(?:is\s+|are\s+)?(?:allowed|permitted)"
    r"\s*\.?\s*"
)
""""Prior radiotherapy allowed": a permission states no requirement (conditions after it would not match)."""
_PROHIBITION = re.compile(r"\s*no\s|.*(?<![a-z])not\s+(?:[a-z]+\s+)?(?:allowed|permitted)")
""""No cyclosporine allowed", "No more than one brain metastasis allowed", "Concurrent neoplasm not
specifically allowed": a prohibition or a limit worded with "allowed", never a mere permission."""
_HOUSEHOLD = re.compile(
    r"(?<![a-z])(?:members?\s+of\s+(?:a|the|their|his|her)\s+household|household\s+(?:members?|contacts?))"
)
""""Member of a household that contains an immunocompromised individual: a person who has received
chemotherapy within the 12 months": the items under it describe someone the patient lives with."""
_OTHER_PEOPLE_CUES = ("health", "normal", "control", "relative", "famil", "sibling", "caregiver", "parent")
_OTHER_PEOPLE = re.compile(
    r"(?<![a-z])(?:(?:healthy|normal)\s+(?:adult\s+)?(?:volunteers?|controls?|control\s+subjects|subjects|participants"
    r"|individuals|people|persons)|controls|control\s+(?:groups?|subjects|participants|populations?|cohorts?|arms?)"
    r"|(?:genetic\s+|blood\s+|biologic(?:al)?\s+)?relatives|family\s+members|siblings|caregivers?"
    r"|parents?(?:\s+participants|/adult\s+provider)?)(?![a-z])"
)
""""Healthy Control Exclusion Criteria", "Healthy Volunteers: A healthy volunteer who meets any of the
following ...", "Genetic Relatives of Patients", "Caregivers": a short heading naming another population; the
items under it judge that person ("Male." excludes a male control, not a male patient)."""
_DONOR = re.compile(r"(?<![a-z])donors?(?![a-z])")
_DONOR_MATCH = re.compile(r"(?<![a-z])(?:hla|matched|haploidentical|identical|identified|availab)")


def _about_a_donor(heading: str) -> bool:
    """A heading "DONOR:", "Donors' inclusion criteria", "an HLA-identical donor meeting the following
    criteria": the items under it are about the patient's stem-cell donor; read against the patient, "HIV
    positive" or "Age < 75 years" would judge the wrong person. A long heading without a match word ("Donors
    must meet the eligibility criteria for volunteer blood donation") opens a trial whose participants are
    the donors."""
    return bool(_DONOR.search(heading)) and (len(heading.split()) <= 6 or bool(_DONOR_MATCH.search(heading)))


def about_other_people(context: str) -> bool:
    """A heading of eight words or fewer naming healthy volunteers, controls, relatives, caregivers or
    parents, or a longer lead-in opening with them ("Healthy control subjects without insulin resistance must
    meet all of the following criteria"); a lead-in naming them further on ("... abnormal nerve conduction
    study based on age-matched controls") is about the patient."""
    if not any(cue in context for cue in _OTHER_PEOPLE_CUES):
        return False
    for part in context.split(":"):
        words = part.split()
        if words and _OTHER_PEOPLE.search(" ".join(words if len(words) <= 8 else words[:4])):
            return True
    return False


_WIDENING = re.compile(
    r"(?<![a-z])(?:allowed|permitted|eligible|accepted|acceptable|may|can|except|unless|however|note|if"
    r"|(?:for|in)\s+(?:patients|subjects|participants)\s+with"
    r"|(?:for|in|during)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:phase|cohort|part|arm|group|stage|portion))(?![a-z])"
)
_CONDITION_FIRST = re.compile(
    r"\s*(?:if|(?:for|in)\s+(?:patients|subjects|participants)\s+with)\s+(?P<condition>[^,:;()]+?(?:\([^,:;()]*\)[^,:;()]*?)?)\s*[,:]\s+"
    r"(?P<rule>[^;]+?)\s*\.?\s*"
)
""""If history of cardiac disease, LVEF ≥ 50 %", "for participants with screening eGFR ≥ 45 mL/min/1.73 m2,
potassium must be ≥ 3.0 and ≤ 4.8 mmol/L", "If Body Mass Index (BMI) < 30, cardiac index < 2.0 L/min/m2": the
requirement holds only for patients with the condition."""
_CONDITION_WHO = re.compile(
    r"\s*(?:for|in)\s+(?:all\s+)?(?P<condition>[a-z][a-z0-9+-]*(?:\s+[a-z0-9+-]+){0,2}?)\s+"
    r"(?:patients|subjects|participants|individuals|women|men)\s*[,:]\s+(?P<rule>[^;]+?)\s*\.?\s*"
)
""""For asthmatic patients, FEV1 ≥ 80%", "For female patients, hemoglobin ≥ 10 g/dL": the patients an
adjective names, then what is asked of them only (read as "asthma and FEV1 ≥ 80%" it failed everyone
without asthma)."""
_CONDITION_AFTER = re.compile(
    r"\s*(?P<rule>[^;]+?)[\s,(]+(?:if|(?:for|in)\s+(?:patients|subjects|participants)\s+with"
    r"|in\s+(?:the\s+)?case\s+of)\s+"
    r"(?P<condition>[^,:;()]+?(?:\s*\([^()]*\))?)\s*\)?\s*\.?\s*"
)
""""Potassium ≤ 4.8 mmol/L if eGFR ≥ 45", "CD4 count over 350 cells/mm³ (if PLHIV)", "AST and/or ALT ≤ 5 x
ULN for patients with liver involvement"; a bracket closing the condition is read with it ("if eGFR ≥ 45
mL/min/1.73 m2 (local or central laboratory values)")."""
_CONDITION_SUBJECT = re.compile(
    r"\s*(?:(?:the\s+)?(?:patients|subjects|participants|individuals)|those)\s+with\s+"
    r"(?P<condition>[^:;()]+?)\s*,?\s+(?:(?:are|is)\s+not\s+required\s+to\s+meet\s+the\s+above\s+"
    r"[a-z ]{0,40}?(?:criteria|parameters|values|requirements|limits)\s*,?\s+but\s+)?"
    r"(?:must|should|(?:will\s+)?need\s+to|(?:are|is)\s+required\s+to)\s+(?:have|show)\s+(?P<rule>[^;]+?)\s*\.?\s*"
)
""""Patients with symptomatic lung disease or extensive lung metastases must have oxygen saturation greater
than 90%": an inclusion's requirement for the patients with the condition, "without the condition (every
finding of it), or the requirement"; so is "... are not required to meet the above hematologic parameters,
but must have ...", which sets the subgroup's own limits (the limits above are other criteria). In an
exclusion the words ask what the patient must have, the opposite of what excludes: not read so."""
_HISTORY_OR_NOW = r"\s+(?:and/or|or)\s+(?:current(?:ly)?|active|ongoing|present|presence|evidence)(?![a-z])"
""""Has a history or current evidence of long QT syndrome, ...": one lead-in for the list, which split at its
"or" left "has a history" alone, unread."""
_LIST = re.compile(
    r"(?:,(?<!nyha standard,)(?<!nyha standards,)(?<!nyha criteria,)(?!(?<=\d,)\d{3}(?!\d))"
    r"\s*(?:and/or|or|and)?\s*|(?:(?<!history)|(?!" + _HISTORY_OR_NOW + r"))\s+(?:and/or|or|and)\s+)"
    r"(?!(?:iv|i{1,3}|equal|=|[<>≤≥]|(?:greater|less|more|higher|lower)\s+than|above|higher|greater|worse"
    r"|(?<=or\s)more|(?:[1-4](?:st|nd|rd|th)|second|third)(?=[\s-]*degree))(?![a-z])"
    r"|(?<=type[\s-]1\sor\s)(?:type[\s-]?)?2[\s-]+diabet)|;\s*"
)
""""A, B or C" at commas, semicolons and joining words; not at a thousands comma ("100,000/µL"), nor inside
a class or stage range ("NYHA class III or IV heart failure"), nor inside a comparator ("greater than or
equal to 2", "> or = 1.5", "equal to or more than 60", "2+ or greater"), nor in "type 1 or type 2 diabetes"
(the first type shares the noun), nor before the "above" of a grade
("grade II or above myocardial ischemia"), nor after a leading "According to NYHA standard," whose class
follows ("..., grade III-IV heart failure")."""
_SHARED_SUBJECT = re.compile(r"\s*with(?:out)?\s")
_WHO = re.compile(
    r"\s*(?:the\s+)?(?:patients|subjects|participants|individuals|people|those|pts)\s+(?P<joint>with|who)\s"
)
"""The opening of an item that names whom it speaks of: "Patients with ...", "Those who ..."."""


def _patients_with(items: list[tuple[Segment, str]]) -> bool:
    """ "Patients with active hepatitis or with hemoglobin < 10 g/dL": the subject the later items share is
    the patient, which each item read alone keeps; not "Diabetics with HbA1c ≥ 10 %, or with retinopathy",
    nor "Patients with diabetes with HbA1c > 9 %, or with ...", whose later items narrow a finding, nor "...,
    and with eGFR ≤ 30", which may ask for both."""
    first = items[0][0]
    opening = _WHO.match(first.norm, first.start, first.end)
    return (
        opening is not None
        and opening.group("joint") == "with"
        and " with " not in first.norm[opening.end() : first.end]
        and all(
            joiner.strip(" ,") == "or"
            for part, joiner in items[1:]
            if _SHARED_SUBJECT.match(part.norm, part.start, part.end)
        )
    )


_EXCEPTING_HEADING = re.compile(
    r"(?<![a-z])(?:unless|except(?:\s+for)?|exceptions?|other\s+than|with\s+the\s+exception\s+of)(?![a-z])[^.;]*?"
    r"(?:following|below)"
)
""""History of other malignancy, except for the following", "ineligible unless they meet all of the
following": under such an exclusion heading each item is an exception, and read as an exclusion it would fail
the very patients it lets in."""
_DEFINING_HEADING = re.compile(
    r"(?:^|[.;]\s*)(?:non-?\s?measurable|measurable|evaluable)\s+(?:disease|lesions?)\s+includes?"
    r"(?![a-z])"
)
""""Nonmeasurable disease includes any of the following:": its items ("Leptomeningeal disease", "Bone
lesions") say what counts as nonmeasurable disease; read as requirements they failed every patient without
them."""
_ONE_OF_HEADING = re.compile(
    r"(?<![a-z])(?:(?:at\s+least\s+(?:one|two|three|[1-9])|one|1)\s+(?:or\s+more\s+)?of\s+(?:the\s+)?"
    r"(?:following|below|these)|at\s+least\s+(?:one|1)\s+(?:[a-z-]+\s+){0,3}?(?:risk\s+factors?|criteri(?:a|on)"
    r"|conditions?)|(?:requirements|criteria)\s+(?:for|of)\s+one\s+of\s+the\s+(?:study\s+)?(?:groups|cohorts))(?![a-z])"
)
""""Meets 1 of the following criteria", "non-childbearing potential by fulfilling one of the following",
"Presence of at least one high risk factor for severe COVID-19 infection": each inclusion item under it is one
alternative ("Age ≥ 60 years", "BMI > 25"), and read alone it would fail the patients who meet another. So is
each study group under "eligible ... if they meet the requirements for one of the study groups, as follows"
("LTBI+ and uncontrolled DM (HbA1c >8%)")."""
_AT_LEAST = re.compile(r"at\s+least\s+(one|two|three|[1-9])")
_SUBGROUP_ADMITTED = re.compile(
    r"(?P<who>[^.;]*?)\s+(?:(?:is|are|will\s+be|may\s+be)\s+)?(?:also\s+)?(?:allowed|permitted|eligible|acceptable)"
    r"\s+(?:only\s+)?(?:if|provided|as\s+long\s+as)(?![a-z])"
)
""""Smoldering myeloma allowed if there is evidence of progressive disease requiring therapy", "Patients who
are HIV-positive are eligible if": the items under it are what that subgroup must meet, not every patient."""
_GENERIC_POPULATION = word_set(
    """
    participants participant patients patient subjects subject individuals persons people candidates they the
    all
    """
)
""""Participants will be eligible if they": everyone, not a subgroup."""
_ANY_OF_HEADING = re.compile(
    r"(?<![a-z])(?:due\s+to|defined\s+by|evidenced\s+by|determined\s+by)\s+(?:any|either)\s+of(?:\s+the\s+following"
    r"(?!\s+(?:laboratory|lab)(?![a-z]))(?![a-z])|\s*:?\s*$)"
)
""""At high risk for invasive aspergillosis due to any of the following risk factors": each item is one way
in, and read alone ("Concurrent treatment with allogeneic HSCT") it failed the patients at risk another way.
Also a heading that ends "as defined by any of", its "the following" lost. Not "as demonstrated by any of the
following laboratory values", which often means all of them."""
_NONE_OF_HEADING = re.compile(r"(?<![a-z])none\s+of\s+(?:the\s+)?(?:following|below|these)(?![a-z])")
""""All VHR patients are eligible for stem cell transplantation except those whose sole VHR criterion is a
poor response to prephase therapy and who have none of the following features": its items ("WBC at least
100,000/mm^3") are what the heading's patients lack, not requirements; read as one, each failed every
patient without the feature."""
_EXCLUDING_HEADING = re.compile(
    r"(?<![a-z])(?:exclusion\s+criteri|criteria\s+for\s+exclusion|ineligibility|considered\s+ineligible"
    r"|study\s+exclusions)"
)
""""Conditions for Patient Ineligibility", "Key exclusion criteria are" printed inside the inclusions: their
items exclude, and read as requirements they would fail every patient without the condition."""
_DANGLING_EITHER = re.compile(
    r"(?<![a-z])(?:must|should|shall|will|and|be|have|has|as|is|are)\s+either(?![a-z])"
)
""""Female subjects must either be of non-reproductive potential": the alternative after "or" was cut off."""
_SHARED_LIMIT_ITEMS = 3
""""INR, PT, aPTT ≤ 1.5 x ULN": up to this many list items may share one threshold."""


def parse_criterion(text: str, section: Section, context: str | None = None) -> Rule:
    """The rule an eligibility item states; ``NeedsReview`` (with why) for anything not read fully."""
    try:
        rule = _parse(text, section, context)
        if context:
            rule = with_diagnosis_timepoint(rule, context)
            rule = with_heading_window(with_heading_waiver(rule, context), context)
            rule = with_finding_window(rule, context)
    except Exception as error:  # the parser must never raise: one odd sentence cannot stop an import
        return NeedsReview(source_span=(0, len(text)), text=text, why=f"the parser failed on it ({error})")
    for where, doubtful, why in _DOUBTFUL_READINGS:
        if section is where and doubtful(rule, text, context):
            return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if context and rule.kind != "review":
        return _under_the_heading(rule, text, section, context.lower())
    return rule


_DOUBTFUL_READINGS: tuple[tuple[Section, Callable[[Rule, str, str | None], bool], str], ...] = (
    (
        Section.EXCLUSION,
        lambda rule, text, context: _states_an_absence(rule),
        "a negative statement in the exclusion list: whether it excludes patients with it or without it",
    ),
    (
        Section.INCLUSION,
        lambda rule, text, context: _excepted_requirement(rule),
        "a required finding with an exception: whom the exception admits without it, judge it",
    ),
    (
        Section.INCLUSION,
        lambda rule, text, context: _requires_open_ended_poor_performance(rule),
        "requires a poor performance status with no limit (bedbound included): an inverted sign? judge it",
    ),
    (
        Section.EXCLUSION,
        lambda rule, text, context: _excludes_the_fit(rule),
        "excludes the fittest patients (ECOG 0): an inverted sign? judge it",
    ),
    (
        Section.EXCLUSION,
        lambda rule, text, context: _excludes_normal_pressure(rule),
        "excludes patients whose blood pressure is normal: a definition cut from its item? judge it",
    ),
    (
        Section.INCLUSION,
        lambda rule, text, context: _washout_as_requirement(text, rule),
        "recent anticancer therapy stated without 'must' or 'required': a washout exclusion, judge it so",
    ),
    (
        Section.INCLUSION,
        lambda rule, text, context: bool(context) and _summary_sub_item(text, context or "", rule),
        "a condition named alone in a summary list: an item under the line before it, judge it so",
    ),
    (
        Section.EXCLUSION,
        lambda rule, text, context: any(
            isinstance(leaf, SexRule) and leaf.sex == "any" for leaf in leaves(rule)
        ),
        "both sexes named among the exclusions: it excludes no one in particular, judge it",
    ),
    (
        Section.INCLUSION,
        lambda rule, text, context: _clearance_capped_as_adequate(rule, text, context),
        "an upper limit on kidney function where adequate renal function is asked: inverted sign? judge it",
    ),
    (
        Section.EXCLUSION,
        lambda rule, text, context: _consent_given(rule),
        "consent, a requirement printed among the exclusions: so read it excludes all who consent",
    ),
)
"""Readings that are right as read but most likely not what the trial meant in that section (a sign
inverted, a requirement printed among the exclusions): each is left to the clinician with its reason."""


def _under_the_heading(rule: Rule, text: str, section: Section, heading: str) -> Rule:
    """The item's rule as its (lower-case) heading bounds it: for a subgroup, a stage or risk group, one
    numbered group, or under an "If <condition>:" line."""
    lead_in = _lead_in(heading)
    if "for" in heading:
        subgroup = _SUBGROUP_HEADING.match(lead_in)
        if subgroup and not _EVERYONE.match(subgroup.group("who") or ""):
            return _for_a_named_subgroup(rule, text, section, subgroup)
    if "stage" in heading or "risk" in heading:
        named = _NAMED_SUBGROUP.fullmatch(lead_in) or _named_line_above(heading, rule)
        if named:
            return _for_a_subgroup(rule, text, section, named.group(0))
    if any(word in heading for word in _GROUP_WORDS):
        group = _ONE_GROUP_HEADING.fullmatch(lead_in)
        if group:
            return _for_a_subgroup(rule, text, section, group.group(0))
    if (specific := specific_subgroup(lead_in)) is not None:
        return _for_a_subgroup(rule, text, section, specific)
    if "if" in heading:
        condition = _IF_HEADING.fullmatch(lead_in)
        if condition:
            return _under_a_condition(rule, text, section, condition.group("condition"), condition.group(0))
    return rule


_GROUP_WORDS = ("group", "cohort", "arm", "part")
_ONE_GROUP_HEADING = re.compile(
    r"(?:or\s+for|for\s+(?:the\s+)?[a-z]+)?\s*(?:group|cohort|arm|part)\s+[a-z0-9]{1,3}"
    r"(?:\s*[-–]\s+[^:]+|\s*\([^()]+\))"
    r"|or\s+for\s+(?:the\s+)?(?:group|cohort|arm|part)\s+[a-z0-9]{1,3}"
    r"|(?:group|cohort|arm|part)\s+[a-z0-9]{1,3}(?:\s*(?:,|and|or|&)\s*(?:group|cohort|arm|part)\s+[a-z0-9]{1,3})+"
    r"|(?:(?:group|cohort|arm|part)\s+[a-z0-9]{1,3}|(?!(?:all|both|each|every|the|study|main|general|common)\s)"
    r"[a-z][a-z0-9/-]*(?:\s+[a-z0-9/-]+){0,3}\s+(?:group|cohort|arm|part))\s+(?:inclusion|exclusion)\s+criteria"
)
""""Group-specific inclusion criteria: Group 4 - Other situations with immunodeficiency.", "For Dose Cohort 4
(FT538 plus Vorinostat)", "Or for Cohort 3": one of the trial's groups, named in a wording segmentation
does not turn into a stratum; read for everyone, group 4's "HIV with CD4 < 200/µL" failed every patient of
groups 1-3. "Part B and Part C" names two of its parts: their items do not bind part A. "Erectile dysfunction
cohort Exclusion Criteria", "Part B inclusion criteria": one group's own list; "Active smoker" excluded the
smokers of the trial's other cohort too."""
_IF_HEADING = re.compile(r"if\s+(?P<condition>[^,;:()]+?)\s*")
""""Pulmonary: If history of symptomatic pulmonary disease:" heading "DLCO greater than 50% predicted": the
items under it are asked only of the patients with the condition."""


def _for_a_named_subgroup(rule: Rule, text: str, section: Section, subgroup: re.Match[str]) -> Rule:
    """ "For renal impairment subjects:" names its subgroup by a finding, which then bounds the items as an
    "If <condition>:" heading does; any other subgroup ("for high-risk patients") the clinician judges."""
    who = subgroup.group("who")
    if who is not None and isinstance(_read(Segment.of(who), Section.INCLUSION, "").rule, FindingRule):
        return _under_a_condition(rule, text, section, who, subgroup.group(0))
    return _for_a_subgroup(rule, text, section, subgroup.group(0))


def _under_a_condition(rule: Rule, text: str, section: Section, when: str, heading: str) -> Rule:
    """An item under an "If <condition>:" heading: "not the condition, or the item" (inclusion), "the
    condition and the item" (exclusion) when the condition reads as a plain finding or limit; else the item
    bears only on the patients with the condition, which the clinician judges."""
    condition = _read(Segment.of(when), Section.INCLUSION, "").rule
    negated = _negation(condition) if condition is not None else None
    if condition is None or negated is None:
        return _for_a_subgroup(rule, text, section, heading)
    span = rule.source_span
    if section is Section.EXCLUSION:
        return AllOf(source_span=span, children=[condition, rule])
    return AnyOf(source_span=span, children=[negated, rule])


_SUBGROUP_HEADING = re.compile(
    r"for\s+(?:the\s+)?(?:(?P<who>[a-z0-9/<>≤≥=.+-]+(?:\s+[a-z0-9/<>≤≥=.+-]+){0,3})\s+(?:patients|participants|subjects)"
    r"|(?:patients|participants|subjects)\s+(?:with|receiving|undergoing|treated|who|aged|under|over|<|>|≤|≥)"
    r"(?P<what>.{0,60}))$"
)
""""Hematopoietic: For high-risk patients", "Concurrent Medication: For patients < 18 years of age": a heading
naming a subgroup, whose items judge only its members; read for everyone, "Granulocyte count at least
1,500/mm³" failed the standard-risk child it never concerned."""
_RISK = r"(?:(?:very|extremely)\s+)?(?:high|low|standard|average|intermediate)(?:[\s-]+risk)?"
_NAMED_SUBGROUP = re.compile(
    r"(?:[a-z0-9/-]+\s+(?:(?:and|or|&)\s+[a-z0-9/-]+\s+)?)?(?:patients|participants|subjects)\s+"
    r"(?:rated|classified|categori[sz]ed|stratified|assessed)\s+as\s+"
    + _RISK
    + r"(?:\s*(?:,|or|and)\s*"
    + _RISK
    + r")*"
    r"(?<=risk)(?:\s+(?:according\s+to|by|per|on)\s+(?:the\s+)?[a-z0-9()/-]+(?:\s+[a-z0-9()/-]+)?)?"
    r"|(?:(?:figo\s+)?stage\s+[0-4ivx]+[a-c]?(?:\s*(?:/|-|and|or|to)\s*[0-4ivx]+[a-c]?)*"
    r"|(?:very\s+)?(?:high|low|standard|average|intermediate)[\s-]+risk(?:\s*\([a-z]{1,4}\))?)"
    r"\s+(?:patients|participants|subjects)(?:\s+(?:with|receiving|undergoing|treated)(?![a-z])[^:;]{0,60})?"
)
""""Renal: Stage III/IV patients receiving concurrent cisplatin:", "Average risk (AR) patients:": a heading
naming a stage or risk group without "for"; read for everyone, "Creatinine clearance at least 50 mL/min"
failed the stage I patient it never concerned. "MDS and CMML patients rated as high-risk or extremely
high-risk according to IPSS-R": the risk group after the patients; read for everyone, its "Platelet > 30 ×
10^9/L" failed the lower-risk patient of the trial's other group."""
_EVERYONE = re.compile(r"(?:all|both|these|those|eligible|the|all\s+eligible|all\s+the|all\s+enrolled)$")


def _named_line_above(heading: str, rule: Rule) -> re.Match[str] | None:
    """ "Average risk (AR) patients: AR patients substratified in: AR2: B-cell lineage ALL ...": a stage or
    risk group named on a line above the lead-in bounds the items too; read for everyone, "Precursor
    T-lymphoblastic NHL stage III or IV" failed each patient of another group. Not an alternative: its group
    decides it."""
    if rule.kind == "alternative":
        return None
    lines = (line.strip() for line in heading.split(":")[:-1])
    return next((m for line in lines if (m := _NAMED_SUBGROUP.fullmatch(line))), None)


def _for_a_subgroup(rule: Rule, text: str, section: Section, heading: str) -> Rule:
    """An item under a subgroup heading: met (inclusion) or not met (exclusion), it settles itself; else it
    bears only on a patient of the subgroup, which the clinician judges."""
    why = f"applies only to the subgroup its heading names ('{heading}'): judge whether the patient is one"
    review = NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if section is Section.INCLUSION:
        return AnyOf(source_span=rule.source_span, children=[rule, review])
    return AllOf(source_span=rule.source_span, children=[rule, review])


def _consent_given(rule: Rule) -> bool:
    """ "Informed consent must be obtained." among the exclusions: "unable to consent" reads as consent
    absent, so consent present in an exclusion is a misplaced requirement."""
    return isinstance(rule, FindingRule) and rule.concept == "informed_consent" and rule.present


_EXCEPTING = re.compile(
    r"\W*(?:unless|except|excluding|other\s+than|with\s+the\s+exception)(?![a-z])", re.IGNORECASE
)


def _excepted_requirement(rule: Rule) -> bool:
    """ "Measurable or evaluable disease required except: unevaluable stage IV disease ... eligible", and
    exclusion-shaped items among the inclusions ("Subjects with brain metastases, unless treated ..."): read
    as "must have the finding" they fail the patients the exception admits, or everyone without it."""
    return any(
        isinstance(leaf, FindingRule)
        and leaf.present
        and any(e.concept is None and _EXCEPTING.match(e.text) for e in leaf.exceptions)
        for leaf in leaves(rule)
    )


def _requires_open_ended_poor_performance(rule: Rule) -> bool:
    """ "ECOG performance status > 2." among the inclusions of a dacarbazine trial, "Karnofsky ≤ 60" in a
    gemcitabine one: a requirement open to bedbound patients, which treatment trials exclude; the sign was
    most likely inverted. Read literally it failed every fit patient; trials for unfit patients bound the
    range ("ECOG 2-3")."""
    return any(
        leaf.min is None and leaf.max is not None and leaf.max <= 60
        if leaf.scale == "karnofsky"
        else leaf.max is None and leaf.min is not None and leaf.min >= 3
        for leaf in leaves(rule)
        if isinstance(leaf, PerformanceStatusRule)
    )


def _excludes_the_fit(rule: Rule) -> bool:
    """ "ECOG-Performance status < 2" among the exclusions of a transplant trial: read literally it excludes
    every patient fit for treatment, which no treatment trial means; the sign was most likely inverted."""
    return any(
        leaf.max is None and leaf.min is not None and leaf.min >= 70
        if leaf.scale == "karnofsky"
        else not leaf.min and leaf.max is not None and leaf.max <= 1
        for leaf in leaves(rule)
        if isinstance(leaf, PerformanceStatusRule)
    )


_NORMAL_PRESSURE = {"sbp": 120.0, "dbp": 80.0}


def _excludes_normal_pressure(rule: Rule) -> bool:
    """ "Regardless of usage of antihypertensive drug, systolic blood pressure <=140 mm Hg and diastolic blood
    pressure <=90 mm Hg" among the exclusions of a cancer trial (lenvatinib's inclusion, misfiled): read
    literally it excludes every patient with a controlled blood pressure. Only a rule made of pressure limits
    alone is judged so; a note admitting controlled hypertension states its limits inside its own logic."""
    leaves = rule.children if isinstance(rule, AnyOf | AllOf) else [rule]
    pressures = [
        leaf for leaf in leaves if isinstance(leaf, LabThreshold) and leaf.analyte in _NORMAL_PRESSURE
    ]
    return len(pressures) == len(leaves) and any(
        leaf.comparator in (Comparator.LE, Comparator.LT) and leaf.value >= _NORMAL_PRESSURE[leaf.analyte]
        for leaf in pressures
    )


_ADEQUATE_RENAL = re.compile(
    r"(?<![a-z])(?:adequate|normal|sufficient|acceptable)\s+(?:[a-z]+,?\s+){0,6}(?:renal|kidney|organ)"
    r"(?:\s+and\s+[a-z]+)?\s+function"
)


def _clearance_capped_as_adequate(rule: Rule, text: str, context: str | None) -> bool:
    """ "Creatinine ≤ 30 mL/minute (using Cockroft-Gault formula)" under "Patients must have adequate
    hematologic, coagulation, hepatic, and renal function": read literally it fails every patient whose
    kidneys work, which the heading asks for; trials for renal impairment name it ("decreased kidney
    function") and ask no adequate function."""
    caps = [
        leaf
        for leaf in leaves(rule)
        if isinstance(leaf, DerivedValueRule)
        and leaf.analyte in ("crcl", "egfr")
        and leaf.comparator in (Comparator.LE, Comparator.LT)
    ]
    floors = any(
        isinstance(leaf, DerivedValueRule) and leaf.comparator in (Comparator.GE, Comparator.GT)
        for leaf in leaves(rule)
    )
    if not caps or floors or isinstance(rule, AnyOf):
        return False
    return _ADEQUATE_RENAL.search(f"{context or ''} {text}".lower()) is not None


_ANY_ANTICANCER = frozenset({"chemotherapy", "immunotherapy", "targeted therapy"})
_REQUIRES_THERAPY = re.compile(
    r"(?<![a-z])(?:must|required|requires?|should|eligible|ha(?:s|ve)\s+(?:been\s+)?(?:received|had|undergone"
    r"|treated)|received|receiving|on|currently|ongoing|undergoing)(?![a-z])",
    re.IGNORECASE,
)


def _washout_as_requirement(text: str, rule: Rule) -> bool:
    """ "Prior treatment with chemotherapy or other systemic antineoplastic therapy within 21 days" among
    the inclusions: a washout exclusion that lost its heading. Read as required, it failed every patient
    without anticancer therapy in the last 21 days, the very patients the trial wants. A trial that
    requires recent therapy says so ("must have received", "currently receiving")."""
    return any(
        isinstance(leaf, TemporalTherapyRule)
        and leaf.relation == "prior"
        and leaf.window is not None
        and set(leaf.categories) >= _ANY_ANTICANCER
        and not _REQUIRES_THERAPY.search(text)
        for leaf in leaves(rule)
    )


_SUMMARY_HEADING = re.compile(r"\s*(?:patient|disease)\s+characteristics", re.IGNORECASE)
_REQUIRING = word_set(
    """
    required require requires must confirmed proven documented diagnosis diagnosed histologically
    cytologically evidence presence history known have has with no not
    """
)
_SUB_ITEM_CONCEPTS = frozenset(
    {"carcinoma_in_situ", "nonmelanoma_skin_cancer", "basal_cell_skin_cancer", "squamous_cell_skin_cancer"}
)


def _summary_sub_item(text: str, context: str, rule: Rule) -> bool:
    """ "PATIENT CHARACTERISTICS: Other: ... No second malignancy within 2 years except: Localized
    nonmelanomatous skin cancer / Carcinoma in situ of the cervix", "Exercise stress test required for: ...
    Diabetes mellitus / Hypertension": the summary format's sub-items reach the catalogue as items of their
    own, and a comorbidity named alone there would be required of every patient. A condition the trial may
    be about ("Measurable disease", "Postmenopausal") is a requirement there, and is kept."""
    if not _SUMMARY_HEADING.match(context):
        return False
    leaves = rule.children if isinstance(rule, AnyOf | AllOf) else [rule]
    if not leaves or not all(isinstance(leaf, FindingRule) and leaf.present for leaf in leaves):
        return False
    concepts = {leaf.concept for leaf in leaves if isinstance(leaf, FindingRule)}
    if any(may_define_the_trial(c) and c not in _SUB_ITEM_CONCEPTS for c in concepts):
        return False
    return _REQUIRING.isdisjoint(re.findall(r"[a-z]+", text.lower()))


_ABSENCE_EXCLUDES = frozenset({"measurable_disease", "evaluable_disease", "informed_consent"})
"""Concepts whose absence is itself a reason to exclude: "No measurable disease", "absence of informed
consent"."""


def _states_an_absence(rule: Rule) -> bool:
    """ "Participants must not have a history of myocarditis", "Note: No HIV testing is required": listed
    among the exclusions, such a sentence read literally would exclude every patient without the finding.
    Not an absence joined to a limit ("eGFR < 30 mL/min in patients who are not on dialysis"): it only
    narrows whom the limit excludes."""
    if isinstance(rule, AllOf) and any(isinstance(c, LabThreshold | DerivedValueRule) for c in rule.children):
        return any(
            _states_an_absence(child)
            for child in rule.children
            if not (isinstance(child, FindingRule) and not child.present)
        )
    return any(
        leaf.relation == "none"  # "Patients must not have received any prior chemotherapy"
        if isinstance(leaf, TemporalTherapyRule)
        else isinstance(leaf, FindingRule) and not leaf.present and leaf.concept not in _ABSENCE_EXCLUDES
        for leaf in leaves(rule)
    )


def _lead_in(heading: str) -> str:
    """The last line of a (lower-case) heading, the one right above the item: "for high-risk patients" in
    "hematopoietic: for high-risk patients:". A closing bracketed note is no line of its own: "... by any
    of the following combinations (NOTE: tumor found in one lobe will not alter T stage)" leads in with "any
    of"."""
    return _CLOSING_NOTE.sub("", heading.rstrip(" :")).rstrip(" :").rsplit(":", 1)[-1].strip()


_CLOSING_NOTE = re.compile(r"\s*\((?:note|nb)\s*:[^()]*\)$")


def _parse(text: str, section: Section, context: str | None) -> Rule:
    low = context.lower() if context else ""
    heading = low.rsplit(":", 1)[-1].strip()
    lead = _lead_in(low)
    if section is Section.EXCLUSION and _EXCEPTING_HEADING.search(low):
        why = "an exception to the exclusion its heading states: judge it with the heading"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if "household" in low and _HOUSEHOLD.search(low):
        why = "about a member of the patient's household, not the patient: judge it with their data"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if about_other_people(low):
        why = "about another population the trial enrols (controls, relatives, caregivers), not the patient"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if "donor" in low and _about_a_donor(heading):
        why = "about the donor, not the patient: judge it with the donor's data"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if scope := optional_part(low):
        why = f"asked only of the patients in an optional part of the study ('{scope}'): judge it for them"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if candidate := likely_candidates(low):
        return NeedsReview(source_span=(0, len(text)), text=text, why=candidate)
    counted = counted_heading(low)
    if counted and (
        _ONE_OF_HEADING.search(low, 0, counted.start()) or _ANY_OF_HEADING.search(low, 0, counted.start())
    ):
        counted = None  # a count under "one of the following" diagnoses: the broader choice decides first
    if counted and section is Section.EXCLUSION:
        why = f"one of the features its heading counts ('{counted.group(0)}'): judge it with the others"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if section is Section.INCLUSION and low:
        if binds_everyone(text) and (counted or _ONE_OF_HEADING.search(low) or _ANY_OF_HEADING.search(lead)):
            bare = _ANY_OF_HEADING.sub(" ", _ONE_OF_HEADING.sub(" ", COUNTED_HEADING.sub(" ", low)))
            return _parse(text, section, bare.strip(" :") or None)
        if states_own_requirement(text) and (counted or _ONE_OF_HEADING.search(low)):
            why = "a requirement of its own listed among its heading's alternatives: judge it apart from them"
            return NeedsReview(source_span=(0, len(text)), text=text, why=why)
        if counted:
            rule = _parse(text, section, COUNTED_HEADING.sub(" ", low))
            return _one_alternative(rule, low, counted, needed_by(counted))
        if (
            ("exclu" in low or "ineligib" in low)
            and "inclusion" not in lead
            and _EXCLUDING_HEADING.search(lead)
        ):
            why = "listed under a heading that excludes: judge it as an exclusion"
            return NeedsReview(source_span=(0, len(text)), text=text, why=why)
        one_of = _ONE_OF_HEADING.search(low) if " of " in low or "at least" in low else None
        if one_of:
            return _one_alternative(_parse(text, section, _ONE_OF_HEADING.sub(" ", low)), low, one_of)
        if " if" in lead or "provided" in lead or "as long as" in lead:
            admitted = _SUBGROUP_ADMITTED.match(lead)
            if admitted:
                return _for_the_subgroup(_parse(text, section, None), admitted.group("who"), text)
        if "none of" in lead and _NONE_OF_HEADING.search(lead):
            why = "a feature its heading ('none of the following') rules out, under the heading's own terms"
            return NeedsReview(source_span=(0, len(text)), text=text, why=f"{why}: judge it with the heading")
        if " of" in lead and _ANY_OF_HEADING.search(lead) and not _NEGATED_HEADING.match(lead):
            any_of = [*_ANY_OF_HEADING.finditer(low)][-1]  # the lead-in's, the last line of the heading
            return _one_alternative(_parse(text, section, _ANY_OF_HEADING.sub(" ", low)), low, any_of)
    if "includ" in low and _DEFINING_HEADING.search(heading):
        why = "an example from the definition its heading gives, not a requirement: judge it with the heading"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    if (
        section is Section.INCLUSION
        and _NEGATED_HEADING.match(lead)
        and not _NEGATED_HEADING.match(text.lower())
    ):
        return _under_negated_heading(text, lead)
    segment = Segment.of(text)
    label = _LABEL.match(segment.norm)
    if label and set(label.group("label").split()) <= _HEADINGS:
        heading = label.group("label").strip()
        segment = masked(segment, [label.span()])
    number = _ITEM_NUMBER.match(segment.printed)
    if number:
        segment = masked(segment, [number.span()])
    if "amendment" in segment.norm or "changed from" in segment.norm:
        segment = masked(segment, [m.span() for m in _AMENDED.finditer(segment.norm)])
    if segment.norm.rstrip().endswith("?") and _asks_the_section(low, section):
        question = [m.span() for m in _QUESTION.finditer(segment.norm)]
        if len(question) == 2:
            segment = masked(segment, question)
    if "strat" in segment.norm:
        strata = [m.span() for m in _WHOLE_ITEM_STRATUM.finditer(segment.norm)]
        if len(strata) == 1:  # "≤ 10% (Stratum A), < 6.5% (Stratum B)": each label binds its own threshold
            segment = masked(segment, strata)
    if ":" in segment.norm[:24] and (part := _PART_LABEL.match(segment.norm)):
        segment = masked(segment, [part.span()])
    whole = segment.sub(0, len(text))
    if whole.start >= whole.end:
        return NeedsReview(source_span=(0, len(text)), text=text, why="empty item")
    if _ALTERNATIVE_ITEM.search(whole.text) or (
        section is Section.INCLUSION and _DANGLING_OR.search(whole.text)
    ):
        why = "one of several alternative items ('and/or' between items): judge them together"
        return NeedsReview(source_span=whole.span, text=text, why=why)
    if section is Section.INCLUSION and "either" in whole.text:
        either = _DANGLING_EITHER.search(whole.text)
        if either and not re.search(r"(?<![a-z])or(?![a-z])", whole.text[either.end() :]):
            why = "'either' without its alternative: judge it with the item that follows"
            return NeedsReview(source_span=whole.span, text=text, why=why)
    if section is Section.EXCLUSION and _DANGLING_AND.search(whole.text):
        why = "joined by 'and' to the next item, with which alone it excludes: judge them together"
        return NeedsReview(source_span=whole.span, text=text, why=why)
    one_sex = (
        _ONE_SEX_WITH.match(whole.norm, whole.start, whole.end) if section is Section.EXCLUSION else None
    )
    if one_sex and (of_one_sex := _excludes_one_sex(whole, one_sex, heading)) is not None:
        return of_one_sex
    if _NOT_SPECIFIED.fullmatch(whole.text) or (
        whole.contains("allowed", "permitted")
        and _PERMISSION.fullmatch(whole.text)
        and not _PROHIBITION.match(whole.text)
    ):
        span = whole.span
        return (
            AllOf(source_span=span, children=[])
            if section is Section.INCLUSION
            else AnyOf(source_span=span, children=[])
        )
    read = _read(whole, section, heading, whole_item=True)
    if read.rule is None and "required" in whole.text:
        # "Cardiac EF < 40% or a history of CHF; ejection fraction is required if ...": who must be tested
        note = test_notes(whole, analyte_mentions(whole))
        if note:
            whole = masked(whole, note).sub(whole.start, note[0][0])
            read = _read(whole, section, heading, whole_item=True)
    if read.rule is not None:
        return read.rule
    problem = read.problem or "not a criterion kind the engine reads"
    aged = (
        _for_the_ages(whole, section, heading)
        or read_age_with(whole, section, heading, _read_part)
        or read_age_variant(whole, section, heading, _read_part)
        or read_renal_age_methods(whole, section, heading, _read_part)
    )
    if aged is not None:
        return aged
    if {"if", "with", "case"} & words_of(whole) or _names_whom(whole):
        conditional = _conditional(whole, section, heading)
        if conditional is not None:
            return conditional
    parts = sentences(whole)
    if len(parts) > 1:
        combined = _combine_sentences(whole, parts, section, heading)
        if combined is not None:
            return combined
    items = split_top_level(whole, _LIST)
    if len(items) > 1:
        combined = _combine_list(whole, items, section, heading)
        if combined is not None:
            return combined
    partial = read_partial(
        whole, section, low, lambda part, part_section: _read_part(part, part_section, heading)
    )
    if partial is not None:
        return partial
    return NeedsReview(source_span=whole.span, text=text, why=problem)


def _asks_the_section(heading: str, section: Section) -> bool:
    """Whether a checklist's heading, if it says which answer it wants, wants the section's: "no" over the
    exclusions, "yes" over the inclusions."""
    answered = _ANSWERED.search(heading) if "answered" in heading else None
    if answered is None:
        return True
    return (answered.group("answer") == "no") is (section is Section.EXCLUSION)


def _one_alternative(rule: Rule, low: str, match: re.Match[str], needed: int | None = None) -> Rule:
    """An item under "Meets 1 of the following criteria": one of the alternatives the evaluation counts
    together, grouped by the heading up to that phrase (sub-headings below it stay in the group); an
    organ-function limit glued under a diagnosis heading is no alternative (see ``organ_limit_item``)."""
    count = _AT_LEAST.search(match.group(0))
    if needed is None:
        needed = int(read_number(count.group(1)).value) if count else 1
    group = low[: match.end()].strip()
    if binds_everyone_as_organ_limit(rule, group):
        return rule
    return Alternative(source_span=rule.source_span, needed=needed, group=group, children=[rule])


def _for_the_subgroup(rule: Rule, who: str, text: str) -> Rule:
    """An item under "Patients who are HIV-positive are eligible if": "not HIV-positive, or the item", so a
    patient outside the subgroup passes; one in it is judged by the item. A subgroup the engine cannot read
    ("Smoldering myeloma") leaves the item to the clinician, who judges it for the patients in it."""
    if rule.kind == "review" or _GENERIC_POPULATION.issuperset(re.findall(r"[a-z]+", who)):
        return rule
    if isinstance(rule, TemporalTherapyRule) and rule.relation == "none":
        return rule  # "Prior hormonal therapy allowed if: at least 12 months since": true of every patient
    condition = _read(Segment.of(who), Section.INCLUSION, "").rule
    negated = _negation(condition) if condition is not None else None
    if negated is None:
        why = f"a condition for the patients its heading admits ('{who.strip()}'): judge it for them only"
        return NeedsReview(source_span=(0, len(text)), text=text, why=why)
    return AnyOf(source_span=(0, len(text)), children=[negated, rule])


def _under_negated_heading(text: str, lead_in: str) -> Rule:
    """An inclusion item under "No clinically significant cardiac disease, including any of the following:"
    is something the patient must not have: read as an exclusion and negated (De Morgan), or left for review
    when it cannot be negated exactly. Under "No second malignancy except:" each item is an exception."""
    span = (0, len(text))
    if _EXCEPT.search(lead_in):
        why = "an exception to the 'no ...' its heading states: judge it with the heading"
        return NeedsReview(source_span=span, text=text, why=why)
    negated = _negated(_parse(text, Section.EXCLUSION, None))
    if negated is None:
        why = "something the heading says the patient must not have: judge it with the heading"
        return NeedsReview(source_span=span, text=text, why=why)
    return negated


def _negated(rule: Rule) -> Rule | None:
    """The exact opposite of a rule, when every part of it has one."""
    if isinstance(rule, AnyOf | AllOf):
        children = [_negated(child) for child in rule.children]
        if any(child is None for child in children):
            return None
        kind = AllOf if isinstance(rule, AnyOf) else AnyOf
        return kind(source_span=rule.source_span, children=[c for c in children if c is not None])
    return _negation(rule)


def _conditional(whole: Segment, section: Section, heading: str) -> Rule | None:
    """A requirement that applies only when a condition holds: inclusion "not condition, or requirement",
    exclusion "condition and the excluding value". A patient without the condition passes, one with it is
    judged by the requirement, and one whose condition is unknown is unknown unless the requirement holds
    anyway. Only whole items: inside a list the clause may be an exception to a sibling threshold. A value
    as the condition of a finding ("With type 2 diabetes if their HbA1c is 10% or lower") asks the value of
    the patients with the finding, or is the trial's population: not read (as "not the value, or the
    finding" it failed a non-diabetic patient with a normal HbA1c)."""
    label = _NOTE_LABEL.match(whole.norm, whole.start, whole.end)
    start = label.end() if label else whole.start
    match = (
        _CONDITION_FIRST.fullmatch(whole.norm, start, whole.end)
        or _CONDITION_AFTER.fullmatch(whole.norm, start, whole.end)
        or (_CONDITION_WHO.fullmatch(whole.norm, start, whole.end) if _names_whom(whole) else None)
    )
    subject = None
    if match is None and section is Section.INCLUSION and "with" in words_of(whole):
        match = subject = _CONDITION_SUBJECT.fullmatch(whole.norm, start, whole.end)
    if match is None or _WIDENING.search(match.group("rule")) or _opens_a_bracket(match.group("rule")):
        return None
    if subject is not None:
        return _for_patients_with(whole, subject, heading)
    condition = _read(whole.sub(*match.span("condition")), section, heading).rule
    if condition is None:
        return None
    requirement = _read(whole.sub(*match.span("rule")), section, heading).rule
    if requirement is None or requirement.kind == "review":
        return None
    if isinstance(condition, SexRule) and section is Section.INCLUSION and match.re is _CONDITION_WHO:
        why = f"a limit for {condition.sex} {ONE_SEX_ONLY}"  # "For female patients, Hb ≥ 10 g/dL"
        return NeedsReview(source_span=whole.span, text=whole.quote(), why=why)
    if isinstance(requirement, AnyOf) and match.re is _CONDITION_AFTER:
        return last_alternative_if(whole.span, condition, requirement)
    if section is Section.EXCLUSION:
        return AllOf(source_span=whole.span, children=[condition, requirement])
    if leaf_kinds(condition) <= THRESHOLD_KINDS and not leaf_kinds(requirement) & THRESHOLD_KINDS:
        return None
    negated = _negation(condition)
    if negated is None:
        return None
    return AnyOf(source_span=whole.span, children=[negated, requirement])


_ONE_SEX_WITH = re.compile(
    r"\s*(?:(?P<male>men|males|male\s+(?:patients|subjects|participants))"
    r"|(?P<female>women|females|female\s+(?:patients|subjects|participants)))\s+with\s+"
)
""""Men with neurological disease" among the exclusions: read as the finding alone it excluded a woman too."""


def _excludes_one_sex(whole: Segment, match: re.Match[str], heading: str) -> Rule | None:
    """ "Men with X" excludes the men with X: "male and X"; None when X is not read."""
    rest = _read(whole.sub(match.end(), whole.end), Section.EXCLUSION, heading).rule
    if rest is None or "review" in leaf_kinds(rest):
        return None
    sex = SexRule(source_span=match.span(), sex="male" if match.group("male") else "female")
    return AllOf(source_span=whole.span, children=[sex, rest])


def _names_whom(whole: Segment) -> bool:
    """Whether the item opens with "for/in ... patients" (cheap test before ``_CONDITION_WHO``)."""
    opening = whole.norm[whole.start : whole.start + 60]
    return opening.lstrip().startswith(("for ", "in ")) and any(
        w in opening for w in ("patients", "subjects", "participants", "individuals", "women", "men")
    )


def _for_the_ages(whole: Segment, section: Section, heading: str) -> Rule | None:
    """ "Over age 8: FEV1 and FVC at least 50% predicted": inclusion "the other ages, or the requirement",
    exclusion "the ages named and the excluding value"."""
    labelled = age_label(whole)
    if labelled is None:
        return None
    named, others, rest = labelled
    requirement = _read(rest, section, heading).rule
    if requirement is None or "review" in leaf_kinds(requirement):
        return None
    if section is Section.EXCLUSION:
        return AllOf(source_span=whole.span, children=[named, requirement])
    return AnyOf(source_span=whole.span, children=[others, requirement])


def _for_patients_with(whole: Segment, match: re.Match[str], heading: str) -> Rule | None:
    """ "Patients with A or B must have Y": "neither A nor B, or Y", when the condition is findings only (a
    narrowing word on one stays on its opposite, so a patient with the plain finding is left to the
    clinician) and the requirement reads fully with a threshold."""
    condition = _read_part(whole.sub(*match.span("condition")), Section.INCLUSION, heading)
    if condition is None or leaf_kinds(condition) != {"finding"}:
        return None
    requirement = _read_part(whole.sub(*match.span("rule")), Section.INCLUSION, heading)
    if requirement is None or not reads_with_threshold(requirement):
        return None
    negated = _negated(condition)
    if negated is None:
        return None
    return AnyOf(source_span=whole.span, children=[negated, requirement])


def _opens_a_bracket(text: str) -> bool:
    """ "ALT (ALT) and AST normal range (or ≤ 3.0 x ULN if liver metastases are present)": a bracket opened
    before the condition and closed after it holds the condition; read as a condition on the whole item, it
    let a patient without liver metastases pass whatever the transaminases. A bracket holding only "only"
    ("Positive pregnancy test (only if premenopausal)") opens the condition itself."""
    opened = _OPEN_BRACKET.search(text)
    return opened is not None and not _ONLY.fullmatch(opened.group(1))


_OPEN_BRACKET = re.compile(r"[(\[]([^()\[\]]*)$")
_ONLY = re.compile(r"\s*(?:(?:but|and)\s+)?(?:only)?\s*")


def _negation(rule: Rule) -> Rule | None:
    """The opposite of a finding or a plain lab limit; None for a limit with exceptions or variants, whose
    opposite is not one rule. A finding's exception excuses it either way ("history of symptomatic
    pulmonary disease": a patient with the disease is left to the clinician either way), so it stays."""
    if isinstance(rule, FindingRule):
        return rule.model_copy(update={"present": not rule.present})
    if isinstance(rule, LabThreshold | DerivedValueRule) and rule.is_plain:
        return rule.model_copy(update={"comparator": rule.comparator.opposite})
    if isinstance(rule, LabThreshold) and rule.qualifier:
        return qualified_opposite(rule)
    return None


def _read_labs(segment: Segment, section: Section) -> Read | None:
    """Lab thresholds, or when the lab reader finds words it does not understand, the thresholds that define
    a condition named around them ("Current uncontrolled hypertension (...)"): that reader masks the condition
    words and reads the rest with the lab reader, so it can read only where the lab reader found analytes."""
    read = read_labs(segment, section)
    if read is None or read.rule is None:
        urine = read_urine_protein(segment, section)
        if urine is not None:
            return urine
        pressure = read_blood_pressure(segment, section) or read_controlled_note(segment, section)
        if pressure is not None:
            return pressure
    if read is None:  # "Class B and C on the Child-Pugh scale": the class before the score's name
        defined = read_defined(segment, section) if names_blood_pressure(segment) else None
        return (
            defined if defined is not None and defined.rule is not None else read_child_pugh(segment, section)
        )
    if read.rule is not None:
        return read
    defined = read_defined(segment, section)
    if defined is not None and defined.rule is not None:
        return defined
    return (
        read_child_pugh(segment, section)
        or read_uncorrectable(segment, section)
        or read_refractory(segment, section)
        or read_admitted_complement(segment, section)
        or read_renal_floor(segment, section)
        or read_weight_limits(segment, section)
        or read_threshold_cause(segment, section)
        or read_not_achieved(segment, section)
        or read_prostate_risk(segment, section, _read_part)
        or read_composite(segment, section, _read_part)
        or read_diabetic_subgroups(segment, section, _read_part)
        or read_examples(segment, section, _read_part, _list_items)
        or read_unless(segment, section)
        or read_subgroup_limits(segment, section)
        or read_tested_subgroup(segment, section)
        or read_excepted(segment, section, _read_part)
        or read_preventive_use(segment, section, _read_part)
        or read_lab_alternatives(segment, section)
        or read_nyha_beside_labs(segment, section, _read_part)
        or read_or_alternatives(segment, section)
        or read_alone_met(segment, section)
        or defined
        or read
    )


def _read_part(segment: Segment, section: Section, heading: str = "") -> Rule | None:
    """A part of an item read as an item is: whole, else as a top-level list ("GFR < 20 or requiring
    dialysis" inside a bracket; the opening of an item for a partial reading, under the item's heading)."""
    read = _read(segment, section, heading)
    if read.rule is not None:
        return read.rule
    items = split_top_level(segment, _LIST)
    return _combine_list(segment, items, section, heading) if len(items) > 1 else None


def _list_items(segment: Segment) -> list[Segment]:
    return [part for part, _ in split_top_level(segment, _LIST)]


def _therapy(segment: Segment, section: Section, heading: str) -> Read | None:
    return read_therapy(segment)


def _findings(segment: Segment, section: Section, heading: str) -> Read | None:
    nyha = read_nyha(segment, section) or read_nyha_below(segment, section)
    if nyha is not None:
        return nyha
    found = read_findings(segment, section)
    return read_permitted_narrower(segment, section, found) or found


_READERS: tuple[Callable[[Segment, Section, str], Read | None], ...] = (
    lambda segment, section, heading: read_performance(segment, heading),
    lambda segment, section, heading: read_age_and_sex(segment, heading),
    lambda segment, section, heading: read_sex(segment, heading),
    lambda segment, section, heading: _read_labs(segment, section),
    lambda segment, section, heading: read_relative_change(segment),
    read_raised_if,
    lambda segment, section, heading: read_stage(segment) or read_t_category(segment),
    _therapy,
    _findings,
)
"""In order of specificity: a scale or an analyte name decides more than a finding word does."""
_FINDING_READERS = frozenset({_therapy, _findings})
"""Where a permission sentence ("HIV-infected patients ... are eligible") reads as a requirement to have the
finding."""


def _read(segment: Segment, section: Section, heading: str, whole_item: bool = False) -> Read:
    """The first full reading of the segment, else the first reader's problem with it.

    A sentence that accepts, or asks something of, the patients with a finding is read as such (see
    ``permissions``); a part of an item that says who may also be enrolled is not read: it can relax the
    other parts.
    """
    problem: str | None = None
    for reader in _READERS:
        read = reader(segment, section, heading)
        if read is None:
            continue
        if read.rule is not None:
            if section is Section.INCLUSION and reader in _FINDING_READERS:
                if states_permission(segment.text):
                    if not whole_item:
                        return Read.failed(
                            "says who may also be enrolled, which can relax the rest: judge it whole"
                        )
                    return Read(as_permission(read.rule, segment.quote(), segment.span))
                asked = asked_subject(segment.text)
                if asked is None and _requires_childbearing_potential(read.rule):
                    asked = segment.text
                if asked is not None:
                    return Read(as_permission(read.rule, segment.quote(), segment.span, asked))
            return read
        problem = problem or read.problem
    return Read.failed(problem or "not a criterion kind the engine reads")


def _requires_childbearing_potential(rule: Rule) -> bool:
    """ "Women of childbearing potential", "Men and women of reproductive potential who are following accepted
    birth control methods": an inclusion item names them to ask something of them (what, was cut or is not
    read), not to require every patient to be fertile, which would fail every man and postmenopausal woman."""
    return isinstance(rule, FindingRule) and rule.present and rule.concept == "childbearing_potential"


_OPENS_WITH_OR = re.compile(r"\W*(?:and\s*/\s*)?or(?![a-z])")
""""Peripheral arterial disease (...); or diabetes mellitus with ...": a sentence opening with "or" is an
alternative to the ones before, and read as one more requirement it failed the patients who meet another."""


def _listed(part: Segment, section: Section, heading: str, admission: bool = False) -> Read | None:
    """An inclusion's sentence of lab limits read as the list it is, as a whole item is ("ALT ≤ 2.5 x ULN
    or ≤ 5 x ULN if liver metastases, total bilirubin ≤ 1.5 mg/dL. No ascites."); None when it is not one, an
    item does not read, or it holds no lab limit: elsewhere the sentences beside it may be read with it (a
    permission that follows an exclusion's list). An exclusion's list is read so only beside a sentence that
    may admit patients (``admission``), which is then kept only if it admits none the list excludes."""
    if section is not Section.INCLUSION and not admission:
        return None
    items = split_top_level(part, _LIST)
    combined = _combine_list(part, items, section, heading) if len(items) > 1 else None
    if combined is None or not reads_with_threshold(combined):
        return None
    return Read(combined)


def _combine_sentences(whole: Segment, parts: list[Segment], section: Section, heading: str) -> Rule | None:
    """Every sentence read: all must hold (inclusion) or any excludes (exclusion).

    An inclusion item may keep unread sentences as review children when they only add requirements; a
    sentence that may relax the others ("transfusion allowed", "unless ...") sends the whole item to review.
    Reading stops at the first sentence that decides so: the others cannot change it.
    """
    parts = [_unlabelled(part) for part in parts]
    read_at: dict[int, Read | None] = {}
    notes: list[int] = []
    conditionals: list[int] = []
    admitted: list[int] = []
    admission = section is Section.EXCLUSION and any(may_admit(part) for part in parts)
    for index in _shortest_first(parts):
        read = _read(parts[index], section, heading)
        if read.rule is None:
            read = _listed(parts[index], section, heading, admission) or read
        if read.rule is None and section is Section.INCLUSION and "if" in words_of(parts[index]):
            conditional = _conditional(parts[index], section, heading)
            if conditional is not None:
                read = Read(conditional)
                conditionals.append(index)
        if read.rule is None and about_anticoagulated(parts[index]):
            notes.append(index)
        elif read.rule is None and (
            (section is Section.EXCLUSION and may_admit(parts[index])) or admits_a_group(parts[index])
        ):
            admitted.append(index)
        elif read.rule is None and (section is Section.EXCLUSION or _WIDENING.search(parts[index].text)):
            return None
        read_at[index] = read
    for index in notes:
        if not _waive_clotting_limits(parts, read_at, index) and (
            section is Section.EXCLUSION or _WIDENING.search(parts[index].text)
        ):
            return None
    for index in admitted:
        others = [rule for other, kept in read_at.items() if other != index and kept and (rule := kept.rule)]
        if not restates_a_waiver(parts[index], others) and not (
            section is Section.EXCLUSION and admits_the_unexcluded(parts[index], others)
        ):
            return None
        read_at[index] = None
    for index in conditionals:
        _fold_the_limit_relaxed(read_at, index)
    reads = [(part, kept) for index, part in enumerate(parts) if (kept := read_at[index]) is not None]
    either = section is Section.EXCLUSION or any(
        _OPENS_WITH_OR.match(part.norm, part.start) for part in parts[1:]
    )
    if all(read.rule is not None for _, read in reads):
        rules = [read.rule for _, read in reads if read.rule is not None]
        return _join(whole, rules, either=either)
    if not any(read.rule is not None for _, read in reads):
        return None
    children: list[Rule] = []
    for part, read in reads:
        if read.rule is not None:
            children.append(read.rule)
        else:
            children.append(
                NeedsReview(source_span=part.span, text=part.quote(), why=read.problem or "not read")
            )
    return _join(whole, children, either=either)


_NOTE = r"\**\s*note\s*:\s*\**"
_NOTE_LABEL = re.compile(r"\s*" + _NOTE + r"\s*")
""""NOTE: Patients with ... must have ...", "NOTE: if creatinine > ULN, ...": a label, not a word of the
item."""
_SENTENCE_LABEL = re.compile(r"\s*(?:\(?[a-h]\)|[a-h]\.(?=\s*[a-z])|[①-⑩]|" + _NOTE + r")\s*")
""""...; b) Has a history of myocardial infarction", "...;c. Risk factors ...": a list label opening a
sentence of the item, which the finding reader would take for a word."""


def _unlabelled(part: Segment) -> Segment:
    label = _SENTENCE_LABEL.match(part.norm, part.start, part.end) if part.end - part.start > 3 else None
    if label is None:
        return part
    return masked(part, [label.span()]).sub(label.end(), part.end)


def _fold_the_limit_relaxed(read_at: dict[int, Read | None], index: int) -> None:
    """ "Urine dipstick for proteinuria < 2+. If urine dipstick is ≥ 2, 24 hour urine must demonstrate < 500
    mg": the inclusion's conditional sentence reads "dipstick < 2+, or 24-hour protein < 500 mg"; when its
    condition is another sentence's limit unmet, it is that limit's alternative, not one more requirement
    beside it (which would fail every patient over the limit): the limit is dropped, the alternative holds
    it."""
    read = read_at[index]
    rule = read.rule if read is not None else None
    if not isinstance(rule, AnyOf) or not rule.children:
        return
    unmet = rule.children[0].model_dump(exclude={"source_span"})
    for other, kept in read_at.items():
        rule_read = kept.rule if kept is not None else None
        if (
            other != index
            and rule_read is not None
            and rule_read.model_dump(exclude={"source_span"}) == unmet
        ):
            read_at[other] = None


def _waive_clotting_limits(parts: list[Segment], read_at: dict[int, Read | None], index: int) -> bool:
    """A sentence on anticoagulated patients waives the clotting limits read before it (see
    ``lab_anticoagulation``), and is then carried by them; False when no limit before it is one."""
    waived = False
    for earlier in range(index):
        read = read_at[earlier]
        rule = read.rule if read is not None else None
        new = waive_for_anticoagulated(rule, parts[index]) if rule is not None else None
        if new is not None:
            read_at[earlier] = Read(new)
            waived = True
    if waived:
        read_at[index] = None
    return waived


def _combine_list(
    whole: Segment, items: list[tuple[Segment, str]], section: Section, heading: str
) -> Rule | None:
    """ "A, B or C" read item by item; only when every item reads, since a list may share words.

    An item without a number that does not read alone is read together with the items after it when they
    make lab limits ("INR, aPTT > 1.5 x ULN": the first item shares the second's threshold); the joiners
    inside such a run belong to its reading. Other words joined so ("males or non-pregnant, non-breastfeeding
    females, 22 years or older") could bind either way, and stay unread.
    An inclusion list mixing "or" and "and" is not read at all: which binds first is not stated. An item
    that opens with "with" ("Diabetics with HbA1c ≥ 10 %, or with retinopathy") shares the subject of the
    item before it, which read alone it would drop; joined by "and" only it is one more requirement either way
    ("Diagnosis of ITP ≥ 3 months, and with a platelet count of < 30 x 10^9/L"), unless the first item names
    whom the rest is asked of ("Patients with liver metastases, and with ...").
    """
    if (
        any(_SHARED_SUBJECT.match(part.norm, part.start, part.end) for part, _ in items[1:])
        and not _patients_with(items)
        and (
            {re.sub(r"[,;\s]", "", joiner) for _, joiner in items[1:]} != {"and"}
            or _WHO.match(items[0][0].norm, items[0][0].start, items[0][0].end)
        )
    ):
        return None
    if section is Section.INCLUSION and _NEGATED_HEADING.match(
        items[0][0].norm, items[0][0].start, items[0][0].end
    ):
        return _none_of(whole, items, heading)
    reads: dict[int, Rule] = {}
    for index in _shortest_first([part for part, _ in items]):
        read = _read(items[index][0], section, heading)
        if read.rule is None:
            if _other_sex_after(items, index, section, heading):
                break  # "QTcF ≥ 450 ms for men and 460 ms for women": read with the first sex's item below
            if (may_hold_quantity(items[index][0]) and not _one_sex(read)) or not any(
                may_hold_quantity(part) for part, _ in items[index + 1 :]
            ):
                return None  # an item with its own number, or with none after it, shares no limit
            break
        reads[index] = read.rule
    else:
        return _join_list(whole, [(joiner, reads[index]) for index, (_, joiner) in enumerate(items)], section)
    runs: list[tuple[str, Rule]] = []
    index = 0
    while index < len(items):
        rule = reads.get(index)
        first = _read(items[index][0], section, heading) if rule is None else None
        rule = rule or (first.rule if first else None)
        width = 1
        shares = rule is None and (
            not may_hold_quantity(items[index][0]) or (first is not None and _one_sex(first))
        )
        while shares and rule is None and width < _SHARED_LIMIT_ITEMS and index + width < len(items):
            width += 1
            run = whole.sub(items[index][0].start, items[index + width - 1][0].end)
            rule = _read(run, section, heading).rule
            if rule is not None and not leaf_kinds(rule) <= THRESHOLD_KINDS:
                rule = None
        if rule is None:
            return None
        runs.append((items[index][1], rule))
        index += width
    return _join_list(whole, runs, section)


def _one_sex(read: Read) -> bool:
    """ "QTc > 440 ms for males and > 460 ms for females": the first item holds one sex's limit, the next the
    other's, and read together they make one limit per sex."""
    return bool(read.problem and read.problem.endswith(ONE_SEX_ONLY))


_SEX_WORD = re.compile(r"(?<![a-z])(?:(?:wo)?men|(?:fe)?males?)(?![a-z])")


def _other_sex_after(items: list[tuple[Segment, str]], index: int, section: Section, heading: str) -> bool:
    """ "long QT syndrome, QTcF ≥ 450 ms for men and 460 ms for women, or torsades": an item naming a sex
    right after an item holding the other sex's limit alone is that limit's second half, which the run
    below reads with it; read alone, its bare number sent the whole list to review."""
    part = items[index][0]
    if index == 0 or not may_hold_quantity(part) or not _SEX_WORD.search(part.norm, part.start, part.end):
        return False
    return _one_sex(_read(items[index - 1][0], section, heading))


def _none_of(whole: Segment, items: list[tuple[Segment, str]], heading: str) -> Rule | None:
    """ "No active infection or platelets below 50,000/mm³": the inclusion's "no" covers every item, so none
    may hold; read item by item and joined by "or", the items after the first would become alternatives the
    patient may meet. A list joined by "and" may mean the items together: not read."""
    if any(re.sub(r"[,;\s]", "", joiner) == "and" for _, joiner in items[1:]):
        return None
    rules: list[Rule] = []
    for part, _ in items:
        rule = _read(part, Section.INCLUSION, heading).rule
        if rule is not None and not _NEGATED_HEADING.match(part.norm, part.start, part.end):
            rule = _negated(rule)
        if rule is None:
            return None
        rules.append(rule)
    return _join(whole, rules, either=False)


def _join_list(whole: Segment, runs: list[tuple[str, Rule]], section: Section) -> Rule | None:
    """The list's rules joined as its words between them say (the first run's joiner is empty).

    Two performance status runs on one scale are a value list cut at its "or" ("a performance status of 0 or
    2 on the ECOG scale"), not alternatives: not read. A stage run naming no disease after one that names it
    shares it ("Pure immature teratoma COG stage II - IV or FIGO stage IC to IV"). An inclusion "A or B, C"
    (an "or" before a bare comma) does not say whether C is one more alternative or binds A and B both.
    """
    rules = share_windows([rule for _, rule in runs], whole)
    runs = share_opening_narrowing(whole, [(j, rule) for (j, _), rule in zip(runs, rules, strict=True)])
    scales = [
        r.scale if r.scale != "who" else "ecog" for _, r in runs if isinstance(r, PerformanceStatusRule)
    ]
    if len(scales) != len(set(scales)):
        return None
    disease: str | None = None
    shared: list[tuple[str, Rule]] = []
    for joiner, rule in runs:
        if isinstance(rule, StageRule):
            if rule.disease is None and disease is not None:
                rule = rule.model_copy(update={"disease": disease})
            disease = rule.disease
        shared.append((joiner, rule))
    runs = _both_sexes(shared)
    joined = [re.sub(r"[,;\s]", "", joiner) for joiner, _ in runs[1:]]
    words = set(joined) - {""}
    if section is Section.INCLUSION:
        if words >= {"or", "and"}:
            return None
        if "or" in joined[:-1] and "" in joined[joined.index("or") + 1 :]:
            return None  # "Male or non-pregnant female, at least 18 years of age": the age binds both
        either = bool(words & {"or", "and/or"}) and "and" not in words
    else:
        either = words != {"and"}
    return _join(whole, [rule for _, rule in runs], either=either)


def _both_sexes(runs: list[tuple[str, Rule]]) -> list[tuple[str, Rule]]:
    """ "Age ≥ 18 years, male and female patients, ECOG 0-1": the two sexes the list's "and" (or "or") cuts
    apart are both accepted, one rule for any sex; read as two requirements, every patient failed one."""
    merged: list[tuple[str, Rule]] = []
    for joiner, rule in runs:
        before = merged[-1][1] if merged else None
        if (
            isinstance(rule, SexRule)
            and isinstance(before, SexRule)
            and {rule.sex, before.sex} == {"male", "female"}
            and re.sub(r"[,;\s]", "", joiner) in {"and", "or", "and/or"}
        ):
            span = (before.source_span[0], rule.source_span[1])
            merged[-1] = (merged[-1][0], SexRule(source_span=span, sex="any"))
        else:
            merged.append((joiner, rule))
    return merged


def _shortest_first(parts: list[Segment]) -> list[int]:
    """The order to read parts in when one unread part settles the outcome: the outcome does not depend on
    the order, and short parts are cheaper to read (half the text read over the shipped catalogue)."""
    return sorted(range(len(parts)), key=lambda index: parts[index].end - parts[index].start)


def _join(whole: Segment, rules: list[Rule], either: bool) -> Rule:
    if len(rules) == 1:
        return rules[0]
    if either:
        return AnyOf(source_span=whole.span, children=rules)
    return all_of_merged(rules, whole.span)
