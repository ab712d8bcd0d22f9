# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Published versions (of a function or a layer) and which of them pruning deletes.

Both lambda_function's and lambda_layer's ``keep_versions`` keep the newest N versions (a version the
same run publishes counts) and never delete a protected one (kept besides the N).
"""


def versions_beyond(numbers, keep, pending=False):
    """The version numbers (ascending ints) beyond the newest ``keep``; ``pending``: one more, newer, is on its way."""
    keep_existing = keep - 1 if pending else keep
    return numbers[:max(0, len(numbers) - keep_existing)]


def versions_to_delete(numbers, keep, protected=(), pending=False):
    """The version numbers (as strings, oldest first) that keeping the newest ``keep`` deletes, leaving out
    the ``protected`` ones (strings)."""
    return [str(n) for n in versions_beyond(sorted(int(n) for n in numbers), keep, pending)
            if str(n) not in protected]


def next_version(numbers):
    """The number AWS gives the next version it publishes: one above the highest published one (1 for none).

    AWS numbers upward from the highest version ever published; a deleted newest version is not known
    here, so this is a prediction (check mode says so with ``version_predicted``).
    """
    return str(max([int(n) for n in numbers] or [0]) + 1)


def prune(numbers, keep, protected_of, delete=None, pending=False):
    """The versions (strings, oldest first) beyond the newest ``keep`` that are not protected; each is
    passed to ``delete(version)`` when given (not in check mode).

    ``protected_of()``: {version: why} for the versions never deleted; asked only when there are
    versions beyond ``keep`` (it costs requests). ``pending``: a newer version is on its way.
    """
    candidates = versions_beyond(sorted(int(n) for n in numbers), keep, pending)
    if not candidates:
        return []
    protected = protected_of()
    doomed = [str(n) for n in candidates if str(n) not in protected]
    for version in doomed if delete is not None else []:
        delete(version)
    return doomed


def pruning_diff(numbers, doomed):
    """The ``versions`` part of a diff: the published versions before and after deleting ``doomed``."""
    before = [str(n) for n in numbers]
    return dict(before=before, after=[n for n in before if n not in doomed])


class PublishedVersions:
    """The published versions of one function or layer, oldest first: read once (:meth:`list_versions`,
    by the subclass), when first needed, and kept right as this run publishes."""

    def __init__(self, client, name):
        self.client = client
        self.name = name
        self._versions = None

    def list_versions(self):
        """Every published version as the API lists it (items with a ``Version``)."""
        raise NotImplementedError

    def read(self):
        if self._versions is None:
            self._versions = sorted((v for v in self.list_versions() if str(v.get("Version", "")).isdigit()),
                                    key=lambda v: int(v["Version"]))
        return self._versions

    def numbers(self):
        return [str(v["Version"]) for v in self.read()]

    def published(self, version):
        """Note a version this run published (so a list read before it stays right)."""
        if self._versions is not None:
            self._versions.append(version)

    def next_number(self):
        """The number the next published version will get (a prediction, see :func:`next_version`)."""
        return next_version(self.numbers())
