"""Errata and translation notes, attached to every clause they concern (model level)."""

from __future__ import annotations

from factories import license_of
from licensekit.model import Annotation


def _ids(lic, clause_id):
    return [a.anchor for a in lic.annotations(clause_id)]


def test_clauses_link_their_errata_then_their_notes(lic):
    assert _ids(lic, "s4-3-iii") == ["erratum-iv-3-iii-printed-as-ii", "note-numbering-errata"]
    assert _ids(lic, "s4-3-ix") == [
        "erratum-iv-3-ix-printed-as-x",
        "erratum-iv-3-ix-indirect-twice",
        "erratum-iv-3-ix-missing-comma",
        "note-numbering-errata",
    ]
    assert _ids(lic, "s3-2") == [
        "erratum-iii-2-permit-without-authorization",
        "erratum-iii-2-right-doubled",
        "erratum-halfwidth-quotes",
        "note-marks-right",
        "note-above-losses",
        "note-marks-quotes",
    ]
    assert _ids(lic, "s4-3") == ["note-above-losses", "note-foreseen"]
    assert _ids(lic, "s4-3-viii") == ["erratum-halfwidth-semicolons"]
    assert _ids(lic, "s4-4") == ["erratum-halfwidth-colons", "note-licensee"]
    assert _ids(lic, "appendix-1") == ["erratum-appendix-1-placeholder-brackets"]


def test_a_note_is_linked_from_every_clause_it_lists(lic):
    for clause_id in ("s4-3", "s4-1", "s4-2", "s3-2"):
        assert "note-above-losses" in _ids(lic, clause_id), clause_id
    assert "note-above-losses" not in _ids(lic, "s4-4")
    assert _ids(lic, "s4-6") == []


def test_link_texts_in_both_languages(lic):
    erratum, note = lic.annotations("s4-3-iii")
    assert erratum.label == {"zh-Hans": "勘误：(ii)", "en": "Erratum: (ii)"}
    assert note.label == {"zh-Hans": "译注：(ii)；(x)", "en": "Translation note: (ii) [sic: (iii)]; (x) [sic: (ix)]"}
    (handler,) = [a for a in lic.annotations("s4-5") if a.kind == "note"]
    assert handler.label["en"].startswith("Translation note: independent personal information handler")


def test_every_erratum_and_note_reaches_a_clause_of_both_texts(lic):
    both = set(lic.zh.by_id()) & set(lic.en.by_id())
    linked = {a.anchor for cid in both for a in lic.annotations(cid)}
    assert linked == {f"erratum-{e['id']}" for e in lic.errata} | {f"note-{n['id']}" for n in lic.notes}


def test_citation_labels_keep_the_printed_number(lic):
    from licensekit.cite import label

    assert [label(lic, f"s4-3-{n}") for n in ("ii", "iii", "iv", "ix")] == [
        "IV.3(ii)",
        "IV.3(ii) [sic: (iii)]",
        "IV.3(iv)",
        "IV.3(x) [sic: (ix)]",
    ]


def test_every_note_and_erratum_is_linked_from_each_of_its_clauses_on_every_page(lic):
    """Both directions: /notes/ lists each note's clauses, and each clause links to its notes."""
    from bs4 import BeautifulSoup

    from licensekit import pages

    built = {src: BeautifulSoup(html, "html.parser") for src, (_, html) in pages.text_pages(lic).items()}
    expected = [("note", n["id"], cid) for n in lic.notes for cid in n["clauses"]]
    expected += [("erratum", e["id"], e["clause"]) for e in lic.errata]
    assert expected
    for kind, ident, cid in expected:
        for src, soup in built.items():
            # the parallel view's row carries the ID; the text pages' heading does, inside the clause's wrapper
            holder = soup.find(id=cid)
            scope = holder if src == "parallel.md" else holder.find_parent("div")
            if scope is None or scope.name != "div":
                scope = holder.parent
            hrefs = [a["href"] for a in scope.find_all("a", href=True)]
            assert f"../notes/#{kind}-{ident}" in hrefs, (src, cid, kind, ident)


def test_a_record_missing_its_texts_still_links_with_a_bare_label():
    lic = license_of(
        errata=[{"id": "e1", "clause": "s1"}, {"clause": "s1", "printed": "x"}, {"id": "e2", "clause": "s2", "printed": "y"}],
        notes=[{"id": "n1", "clauses": ["s1"]}, {"id": "n2", "clauses": None}, {"clauses": ["s1"], "en": "z"}],
    )
    assert lic.annotations("s1") == [
        Annotation("erratum", "e1", {"zh-Hans": "勘误：", "en": "Erratum: "}),
        Annotation("note", "n1", {"zh-Hans": "译注：", "en": "Translation note: "}),
    ]
    assert lic.annotations("s2") == [Annotation("erratum", "e2", {"zh-Hans": "勘误：y", "en": "Erratum: y"})]
