import pytest

from rial.core.management.commands.load_demo import demo_modules


@pytest.fixture
def reference_data(transactional_db):
    """Every app's reference data, for transactional tests: another transactional test's flush may have
    emptied the database before this one runs."""
    for _label, module in demo_modules():
        if hasattr(module, "load_reference"):
            module.load_reference()
