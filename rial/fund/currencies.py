"""The currencies the fund knows: ISO 4217 codes of the member states' currencies, plus the euro.

Contributions arrive in the contributor's currency; every entry also keeps its USD value at the date,
so totals across currencies are always in USD.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    USD = "USD", _("US dollar")
    ARS = "ARS", _("Argentine peso")
    BBD = "BBD", _("Barbados dollar")
    BOB = "BOB", _("Bolivian boliviano")
    BRL = "BRL", _("Brazilian real")
    BSD = "BSD", _("Bahamian dollar")
    BZD = "BZD", _("Belize dollar")
    CAD = "CAD", _("Canadian dollar")
    CLP = "CLP", _("Chilean peso")
    COP = "COP", _("Colombian peso")
    CRC = "CRC", _("Costa Rican colón")
    DOP = "DOP", _("Dominican peso")
    EUR = "EUR", _("Euro")
    GTQ = "GTQ", _("Guatemalan quetzal")
    GYD = "GYD", _("Guyanese dollar")
    HNL = "HNL", _("Honduran lempira")
    HTG = "HTG", _("Haitian gourde")
    JMD = "JMD", _("Jamaican dollar")
    MXN = "MXN", _("Mexican peso")
    NIO = "NIO", _("Nicaraguan córdoba")
    PAB = "PAB", _("Panamanian balboa")
    PEN = "PEN", _("Peruvian sol")
    PYG = "PYG", _("Paraguayan guaraní")
    SRD = "SRD", _("Surinamese dollar")
    TTD = "TTD", _("Trinidad and Tobago dollar")
    UYU = "UYU", _("Uruguayan peso")
    VES = "VES", _("Venezuelan bolívar")
    XCD = "XCD", _("East Caribbean dollar")
