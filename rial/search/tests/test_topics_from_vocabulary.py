"""Topics people search for that the taxonomy lacked, added from the vocabulary (rial/topics/data/topics.csv):
each has its labels in four languages and the concepts that belong to it."""

import pytest

from rial.search.models import Concept
from rial.search.query import Filters, search
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db
NEW = {"unemployment-insurance": "social-security", "rural-work": "employment", "domestic-work": "labor",
       "care-work": "gender-equality"}


@pytest.mark.parametrize(("slug", "area"), NEW.items())
def test_the_topic_exists_in_four_languages_with_its_concepts(slug, area):
    topic = Topic.objects.get(slug=slug)
    assert topic.parent.slug == area and all(getattr(topic, f"name_{code}") for code in ("en", "es", "pt", "fr"))
    assert Concept.objects.filter(topic=topic).exists()


@pytest.mark.parametrize(("q", "slug"), [("seguro de cesantía", "unemployment-insurance"),
                                         ("farmworkers", "rural-work"), ("empregadas domésticas", "domestic-work"),
                                         ("trabajo de cuidados", "care-work")])
def test_the_topic_is_found_by_its_concepts_labels_in_any_language(q, slug):
    urls = [hit.url for hit in search(q=q, filters=Filters(kind=["topic"])).hits]
    assert f"/topics/{slug}/" in urls
