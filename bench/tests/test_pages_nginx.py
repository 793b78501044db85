"""The pages benchmark measures the micro-cache the deployment guide documents, not a copy of it."""

from bench.pages import _micro_cache_config


def test_the_micro_cache_is_read_from_the_deployment_file(tmp_path):
    config = _micro_cache_config(8000, 8001, tmp_path)
    assert f"proxy_cache_path {tmp_path} " in config and "keys_zone=rial_micro" in config
    assert "server 127.0.0.1:8000;" in config and "listen 127.0.0.1:8001;" in config
    for directive in ("proxy_cache rial_micro;", "proxy_cache_bypass $cookie_sessionid", "proxy_pass http://rial_app;",
                      "proxy_cache_key "):
        assert directive in config
    assert "/etc/nginx" not in config and "deploy/nginx/rial-proxy.conf" in config
