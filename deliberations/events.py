"""What the case consultation tells later apps, without knowing them.

`decision_recorded` is sent inside the decision's transaction, for every new decision (in a
meeting, as a correction or as a director's answer). Digests listen to turn a "this rule
chafes" decision into a signal.
"""

from django.dispatch import Signal

decision_recorded = Signal()  # sender=Decision, decision=, case=, actor=
