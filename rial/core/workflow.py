"""One way to move a record through a workflow: a table of named moves, one check, one refusal.

Each app declares its workflow as a :class:`Workflow` (pretix style): every move names the states it
may start from, the state it leads to and the permission it needs. Services call
:meth:`Workflow.move` inside their transaction; it checks the permission, refuses an illegal move with
one translated sentence that names the moves possible now, and sets the new state. The service then
saves and logs the record (``rial.core.audit.save_logged``).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Move:
    """A legal change of state: from any of ``sources`` to ``target``, allowed by ``permission``.

    ``label`` is the move's name in a refusal ("submit for review"); ``permission`` is checked against
    the record with ``user.has_perm``. A move without a permission is checked by its service.
    """

    sources: frozenset[str]
    target: str
    label: str
    permission: str = ""

    def __init__(self, sources: Iterable[str], target: str, label, permission: str = ""):
        object.__setattr__(self, "sources", frozenset(sources))
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "permission", permission)


class Workflow:
    """The moves of one model's state field.

    >>> PROGRAM = Workflow(field="status", states=Program.Status, moves={
    ...     "submit": Move({S.DRAFT, S.RETURNED}, S.SUBMITTED, _("submit for review"), "portfolio.submit_program"),
    ... })
    >>> previous = PROGRAM.move(program, "submit", user=user)   # then save_logged(program, ...)
    """

    def __init__(self, *, field: str, states, moves: dict[str, Move]):
        self.field = field
        self.states = states  # the model's TextChoices, for the state's label in refusals
        self.moves = moves
        unknown = {state for move in moves.values() for state in (*move.sources, move.target)} - set(states.values)
        if unknown:
            raise ValueError(f"moves name states that {states.__name__} does not have: {sorted(unknown)}")

    def possible(self, state: str) -> list[str]:
        """The names of the moves that may start from ``state``, in the table's order."""
        return [name for name, move in self.moves.items() if state in move.sources]

    def targets(self, state: str) -> list[str]:
        """The states reachable from ``state`` in one move (for "change status to …" buttons)."""
        return list(dict.fromkeys(self.moves[name].target for name in self.possible(state)))

    def allowed(self, obj, user) -> list[str]:
        """The moves ``user`` may make on ``obj`` now (for buttons on a page)."""
        state = getattr(obj, self.field)
        return [name for name in self.possible(state)
                if not self.moves[name].permission or user.has_perm(self.moves[name].permission, obj)]

    def by_target(self, state: str, target: str) -> str:
        """The name of the move from ``state`` to ``target`` (for services that are asked for a state)."""
        for name, move in self.moves.items():
            if move.target == target and state in move.sources:
                return name
        for name, move in self.moves.items():
            if move.target == target:
                return name
        raise self.refusal(state, str(self.states(target).label) if target in self.states.values else target)

    def check(self, obj, name: str, *, user=None) -> Move:
        """Refuse (PermissionDenied, or a translated ValidationError) unless ``name`` is legal on ``obj`` now."""
        move = self.moves[name]
        if user is not None and move.permission and not user.has_perm(move.permission, obj):
            raise PermissionDenied(move.permission)
        state = getattr(obj, self.field)
        if state not in move.sources:
            raise self.refusal(state, str(move.label))
        return move

    def move(self, obj, name: str, *, user=None) -> str:
        """Check ``name`` and set the new state on ``obj`` (not saved); returns the state it left."""
        move = self.check(obj, name, user=user)
        previous = getattr(obj, self.field)
        setattr(obj, self.field, move.target)
        return previous

    def refusal(self, state: str, attempted: str) -> ValidationError:
        possible = ", ".join(f"“{self.moves[name].label}”" for name in self.possible(state)) or _("none")
        return ValidationError(
            _("“%(action)s” is not possible when the status is “%(status)s”. Possible now: %(possible)s.")
            % {"action": attempted, "status": self.states(state).label, "possible": possible},
            code="illegal_move",
        )
