"""Name the failures a user can fix; the CLI turns them into exit codes, the server into 4xx."""

from collections.abc import Sized
from typing import Protocol


class ShapeReport(Protocol):
    """What a failed validation carries (validate.shapes.Report): its results and its text."""

    @property
    def results(self) -> Sized: ...

    def text(self) -> str: ...


class DiplokgError(Exception):
    """An expected failure whose message says what is wrong, where, and what to do."""

    exit_code = 2


class InputError(DiplokgError):
    """A document, metadata file, curated fact, option or path that cannot be used."""


class QueryError(DiplokgError):
    """A SPARQL query that cannot be parsed or run."""


class QueryTimeout(QueryError):
    """A query that ran past its time limit and was stopped."""


class EngineBusy(QueryError):
    """Every query worker stayed busy while the request waited for one."""


class ValidationFailed(DiplokgError):
    """The built graph violates the SHACL shapes; nothing was published."""

    exit_code = 1

    def __init__(self, report: ShapeReport) -> None:
        self.report = report
        super().__init__(f"the graph violates the shapes: {len(report.results)} problem(s)")


class OutputError(DiplokgError):
    """The output folder cannot be written (a full disk, no permission); nothing was published."""
