"""Faults of the rule-based verifier (verify6) in directions of change: a forecast raised
where the source cut it, and opposites that belong to another clause or another thing ("price
increases, but volumes fell"; "a sharp rise in cocoa prices"). Texts are the tests' own."""

from __future__ import annotations

import pytest

from .verdicts import checked

FORECAST_CUT = (
    "Kelmar warns\n\nKelmar Dairies cut its annual earnings forecast on Wednesday, citing "
    "weak export demand."
)
FORECAST_RAISED = (
    "Kelmar upbeat\n\nKelmar Dairies raised its annual earnings forecast on Wednesday after "
    "strong export demand."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Kelmar Dairies raised its annual earnings forecast.",
        "Kelmar Dairies lifted its annual earnings forecast.",
        "Kelmar Dairies boosted its annual earnings forecast.",
    ],
)
def test_an_up_verb_is_contradicted_by_a_cut(claim: str) -> None:
    verdict, detail = checked(claim, [FORECAST_CUT])
    assert verdict == "contradicted", detail


@pytest.mark.parametrize(
    "claim",
    [
        "Kelmar Dairies slashed its annual earnings forecast.",
        "Kelmar Dairies trimmed its annual earnings forecast.",
    ],
)
def test_a_down_verb_is_contradicted_by_a_raise(claim: str) -> None:
    verdict, detail = checked(claim, [FORECAST_RAISED])
    assert verdict == "contradicted", detail


def test_the_same_direction_is_supported() -> None:
    assert (
        checked("Kelmar Dairies cut its annual earnings forecast.", [FORECAST_CUT])[0]
        == "supported"
    )


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "Shipment volumes slipped 6 percent.",
            "Trading update\n\nTurnover edged up 1 percent, lifted by price increases, but "
            "shipment volumes fell 6 percent.",
        ),
        (
            "Operating profit dropped 12%.",
            "Sweet shock\n\nA steep rise in sugar prices squeezed operating profit, which fell "
            "12%.",
        ),
    ],
)
def test_an_opposite_of_another_thing_is_no_conflict(claim: str, source: str) -> None:
    verdict, detail = checked(claim, [source])
    assert verdict == "supported", detail
