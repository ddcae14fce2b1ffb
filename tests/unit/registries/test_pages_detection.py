"""Page formats are told from content: each seed goes to its reader, anything else is refused by name."""

import pytest

from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages import READERS, aggregator, ccs, ctgov_classic, is_page, omon, read_page


@pytest.mark.parametrize(
    ("number", "reader", "registry"),
    [
        ("000", ccs, "ccs"),
        ("001", aggregator, "aggregator"),
        ("002", ctgov_classic, "ctgov"),
        ("003", omon, "omon"),
        ("004", ctgov_classic, "ctgov"),
    ],
)
def test_each_seed_is_claimed_first_by_its_own_reader(seed_path, number, reader, registry):
    text = seed_path(number).read_text(encoding="utf-8")
    assert is_page(text)
    assert next(r for r in READERS if r.sniff(text)) is reader
    assert read_page(text, seed_path(number).name).registry == registry


def test_unknown_text_is_refused_naming_the_source():
    text = "Minutes of the tumour board, 3 March\nPresent: Dr Smith, Dr Jones\n"
    assert not is_page(text)
    with pytest.raises(RegistryError) as raised:
        read_page(text, "board-minutes.txt")
    assert raised.value.source == "board-minutes.txt"
    assert str(raised.value).startswith("board-minutes.txt: not a registry page")
