"""An index written with other term rules than the code's is stale: a command says so (exit 1), and
``rebuild_search_index --if-stale`` rebuilds it (``make run`` does, after migrating)."""

import pytest
from django.core.management import CommandError, call_command

from rial.search import index
from rial.search.index import index_documents
from rial.search.models import IndexState
from rial.search.tests.factories import document
from rial.search.text import RULES_VERSION


def test_an_index_built_with_other_rules_is_stale_until_rebuilt(source, capsys):
    index_documents([document("a", "Telework")])
    IndexState.objects.all().delete()
    IndexState.objects.create(rules="2025-01-01/snowball-2.2")
    assert index.is_stale()
    with pytest.raises(CommandError, match="stale"):
        call_command("check_search_index")
    call_command("rebuild_search_index", if_stale=True)
    assert "indexed" in capsys.readouterr().out
    assert not index.is_stale() and index.built_with() == RULES_VERSION
    call_command("check_search_index")
    call_command("rebuild_search_index", if_stale=True)
    assert "current" in capsys.readouterr().out


def test_an_index_from_before_the_rules_were_recorded_is_stale(source):
    index_documents([document("a", "Telework")])
    IndexState.objects.all().delete()
    assert index.is_stale()  # entries, and no record of the rules that wrote them
