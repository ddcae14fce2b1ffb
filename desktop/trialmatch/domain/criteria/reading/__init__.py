"""How criterion text becomes a rule: ``parsing.parse_criterion`` and the readers it chains (``read_*`` for
a whole criterion, ``lab_*`` for the parts of a lab sentence), over the number and text scanners. The rule
kinds they produce live one level up, one module each."""
