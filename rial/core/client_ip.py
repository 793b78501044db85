"""The client's address, as the deployment's own proxies saw it.

Behind the TLS proxy every request comes from the proxy's address, so a lockout keyed on REMOTE_ADDR
locks an account for everyone. Each proxy appends the address it received the request from to
X-Forwarded-For (nginx: ``$proxy_add_x_forwarded_for``); the entries before those are whatever the client
wrote and prove nothing. With RIAL_TRUSTED_PROXIES = n (the number of proxies of our own in front of the
application), the client is the n-th entry from the right. With 0 (the default, no proxy) the header is
ignored: trusting it blindly would let anyone choose their address.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.RIAL_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get(settings.RIAL_CLIENT_IP_HEADER, "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
