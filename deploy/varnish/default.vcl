# Varnish in front of Open Cities (Varnish 6/7). Caches what the application marks public
# (anonymous GETs of public pages, for their s-maxage), passes the admin and signed-in users
# straight through, and accepts PURGE and BAN only from the addresses in the "purgers" ACL.
# The application bans each change's addresses in one request (FRONTEND_CACHE_VARNISH_URL).
# Start: varnishd -f /etc/varnish/default.vcl -a :80 -p vcc_allow_inline_c=off
# Edit the backend (the app server) and the ACL to match the deployment.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers. Add each one's address.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # X-Ban-Url: a regular expression of paths (the application writes it). Objects keep
        # their host and path (vcl_backend_response) so the ban lurker can work in background.
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" || req.http.Authorization) {
        return (pass);
    }
    # Signed-in users (and visitors with a message waiting) carry these cookies.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (CSRF, analytics) does not change what an anonymous visitor is shown.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    # Only what the application marked public is kept; everything else is passed on.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale copy for a day if the application is down (stale-if-error).
    set beresp.keep = 1d;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
