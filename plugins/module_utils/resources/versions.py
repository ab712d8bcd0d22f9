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
