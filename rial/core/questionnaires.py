"""The short evaluation questionnaire a participant answers after an activity or an event.

One set of questions (three ratings from 1 = poor to 5 = excellent and what they will apply), so the
evaluations of cooperation activities and of events can be read side by side. Each app's answer model
inherits :class:`EvaluationAnswer` and adds whom the answer is from (and its own check constraint).
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
RATINGS = ("objectives_met", "usefulness", "organisation")


class EvaluationAnswer(models.Model):
    objectives_met = models.PositiveSmallIntegerField(_("the objectives were met"), validators=RATING_VALIDATORS)
    usefulness = models.PositiveSmallIntegerField(_("useful for my work"), validators=RATING_VALIDATORS)
    organisation = models.PositiveSmallIntegerField(_("organisation of the activity"), validators=RATING_VALIDATORS)
    will_apply = models.TextField(_("what you will apply in your ministry"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        abstract = True

    @staticmethod
    def ratings_in_range():
        return models.Q(objectives_met__gte=1, objectives_met__lte=5, usefulness__gte=1, usefulness__lte=5,
                        organisation__gte=1, organisation__lte=5)


def summary(answers) -> dict:
    """Number of answers and the average of each rating (one query)."""
    return answers.aggregate(count=Count("pk"), **{name: Avg(name) for name in RATINGS})


class QuestionnaireForm(forms.Form):
    CHOICES = [(n, str(n)) for n in range(1, 6)]
    objectives_met = forms.TypedChoiceField(label=_("The objectives were met (1 = not at all, 5 = fully)"),
                                            choices=CHOICES, coerce=int, widget=forms.RadioSelect)
    usefulness = forms.TypedChoiceField(label=_("Useful for my work (1 = not at all, 5 = very)"), choices=CHOICES,
                                        coerce=int, widget=forms.RadioSelect)
    organisation = forms.TypedChoiceField(label=_("Organisation of the activity (1 = poor, 5 = excellent)"),
                                          choices=CHOICES, coerce=int, widget=forms.RadioSelect)
    will_apply = forms.CharField(label=_("What will you apply in your ministry?"), required=False, max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 3}))
