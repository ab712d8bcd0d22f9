# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Waiting for a function to settle after a change.
    WAIT = r"""
options:
  wait:
    description:
      - After creating or changing the function, wait until its C(State) is C(Active) and its
        C(LastUpdateStatus) is C(Successful), using botocore's Lambda waiters.
      - A function that ends C(Failed) fails the task with the reason AWS gives.
      - With V(false) the task returns as soon as AWS accepted the request.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most.
    type: int
    default: 600
"""

    # Tags compared with what AWS already returns.
    TAGS = r"""
options:
  tags:
    description:
      - Tags of the resource, as a dictionary.
      - Not managed when omitted. V({}) with O(purge_tags=true) removes every tag.
    type: dict
    aliases: [resource_tags]
  purge_tags:
    description:
      - Remove the tags that are not listed in O(tags).
      - Only has an effect when O(tags) is given.
    type: bool
    default: true
"""

    # The attributes every resource module declares.
    ATTRIBUTES = r"""
attributes:
  check_mode:
    support: full
    description: Check mode predicts C(changed) and the result, and sends no request that changes anything.
  diff_mode:
    support: full
    description: Diff mode shows the changed fields before and after.
  idempotent:
    support: full
    description: A second run with the same options reports C(changed=false) and changes nothing.
"""

    # The attributes of a module that only reads (the *_info modules).
    READ_ONLY = r"""
attributes:
  check_mode:
    support: full
    description: The module only reads, in check mode as otherwise.
  diff_mode:
    support: none
    description: Nothing changes, so there is nothing to show.
  idempotent:
    support: full
    description: Always reports C(changed=false).
"""
