vcl 4.1;
# Varnish in front of the site's app servers: anonymous pages and data files cached,
# dropped by the PURGE that Wagtail's frontend cache sends when what they show changes
# (plan/public/proxy.py). Start: varnishd -f cchc.vcl -p http_gzip_support=off
# -a :6081; the backend below is replaced by the deployment's (or -p / a director).
import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Only the app servers may purge.
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
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, the search (rate-limited per client), the API and documents: never cached.
    if (req.url ~ "^/(admin|django-admin|tim-kiem|api|documents)/" || req.url ~ "\?") {
        return (pass);
    }
    # A session (an editor, a visitor who unlocked a private page): the app answers.
    if (req.http.Cookie ~ "(^|; *)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # The app keeps each page compressed once (brotli, gzip): one variant per encoding.
    if (req.http.Accept-Encoding ~ "br") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Kept as long as the app keeps its own page cache: a change purges it sooner.
    if (beresp.status == 200 && beresp.http.Cache-Control ~ "public" && !beresp.http.Set-Cookie) {
        set beresp.ttl = 600s;
    } else {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
