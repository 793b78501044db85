"""Publishing a call's results makes its activities public: they are found from then on, although only
the call was saved."""

import pytest

from rial.cooperation.models import Activity, Call
from rial.cooperation.tests.factories import close, make_proposal, ministry, open_call
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def test_the_activities_of_a_call_are_found_once_its_results_are_published(focal_cl,
                                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call = open_call()
        proposal = make_proposal(call, focal_cl, submit=False)
        call = close(call)
        Activity.objects.create(call=call, proposal=proposal, first_party=ministry("CL"), second_party=ministry("BR"),
                                title="Kookaburra exchange", year=2025, state=Activity.State.EXECUTED)
    assert search(q="kookaburra", filters=Filters(kind=["cooperation_activity"])).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        call.state = Call.State.PUBLISHED
        call.save()
    assert search(q="kookaburra", filters=Filters(kind=["cooperation_activity"])).total == 1
