"""Who may do what with programs. A focal point acts only for their own ministry."""

import rules

from rial.accounts.rules import is_focal_point, is_focal_point_of_owner, is_member_of_owner, is_secretariat

rules.add_perm("portfolio.add_program", is_secretariat | is_focal_point)
rules.add_perm("portfolio.change_program", is_secretariat | is_focal_point_of_owner)
rules.add_perm("portfolio.submit_program", is_secretariat | is_focal_point_of_owner)
# Unpublished programs: the ministry's own people and the Secretariat. Published ones are public.
rules.add_perm("portfolio.view_program", is_secretariat | is_member_of_owner)
rules.add_perm("portfolio.review_program", is_secretariat)
rules.add_perm("portfolio.delete_program", is_secretariat)
rules.add_perm("portfolio.import_programs", is_secretariat)
for _model in ("targetpopulation", "collection", "programtransition"):
    for _action in ("add", "change", "delete", "view"):
        rules.add_perm(f"portfolio.{_action}_{_model}", is_secretariat)
