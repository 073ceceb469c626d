package com.videoapi.portal.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser, as far as the portal can tell: its cookies (the session, the trusted device),
 * the page it is on and that page's forms (hidden fields, the Faces view state). A click on a button
 * posts the page's form with the fields typed and follows the redirects, as a browser does, without
 * loading scripts, styles or images (the portal's are static files).
 *
 * <p>All visitors share one {@link HttpClient} (its connection pool): a client per person would
 * cost the load generator a thread each.
 */
final class Visitor {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input\\b[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("class=\"[^\"]*\\berror\\b[^\"]*\"[^>]*>\\s*(?:<[^>]+>\\s*)*([^<]+)<");

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private URI at;
    private int status;
    private String page = "";

    Visitor(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A new browser with only this one's trusted-device cookie (a returning person's next visit). */
    Visitor withDeviceOnly() {
        Visitor next = new Visitor(http, base);
        cookies.forEach((name, value) -> {
            if (name.contains("trusted_device")) {
                next.cookies.put(name, value);
            }
        });
        return next;
    }

    /** The id of this browser's HTTP session, as its cookie carries it; null before the server gave one. */
    String sessionId() {
        return cookies.get("JSESSIONID");
    }

    boolean hasDeviceCookie() {
        return cookies.keySet().stream().anyMatch(name -> name.contains("trusted_device"));
    }

    Visitor open(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET(), 0);
    }

    /** Posts the form {@code formId} of the current page with {@code fields} (name without the form's prefix, value). */
    Visitor press(String formId, String button, String... fields) {
        Matcher form = FORM.matcher(page);
        String body = null;
        while (form.find()) {
            if (form.group(1).equals(formId)) {
                body = formBody(formId, form.group(2), button, fields);
                break;
            }
        }
        if (body == null) {
            throw new Failure("no form " + formId + " on " + path() + describe());
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(at.resolve(path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return exchange(post, 0);
    }

    private static String formBody(String formId, String form, String button, String... fields) {
        StringBuilder body = new StringBuilder();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            Matcher name = NAME.matcher(hidden.group());
            Matcher value = VALUE.matcher(hidden.group());
            if (name.find()) {
                append(body, name.group(1), value.find() ? unescape(value.group(1)) : "");
            }
        }
        for (int i = 0; i < fields.length; i += 2) {
            append(body, formId + ":" + fields[i], fields[i + 1]);
        }
        append(body, formId + ":" + button, button);
        return body.toString();
    }

    private static void append(StringBuilder body, String name, String value) {
        if (!body.isEmpty()) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#58;", ":").replace("&#x3a;", ":");
    }

    private Visitor exchange(HttpRequest.Builder request, int redirects) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", header.toString());
        }
        request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60));
        HttpRequest sent = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(sent, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        keepCookies(response.headers().allValues("Set-Cookie"));
        at = sent.uri();
        status = response.statusCode();
        page = response.body();
        if (status / 100 == 3 && redirects < 5) {
            URI next = at.resolve(response.headers().firstValue("Location").orElseThrow(() -> new Failure("redirect without Location")));
            return exchange(HttpRequest.newBuilder(next).GET(), redirects + 1);
        }
        if (status != 200) {
            throw new Failure("HTTP " + status + " at " + path());
        }
        return this;
    }

    private void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    /** The path of the page the browser shows, e.g. {@code /signin-code.xhtml}. */
    String path() {
        return at == null ? "" : at.getPath();
    }

    boolean shows(String words) {
        return page.contains(words);
    }

    /** Fails unless the browser landed on {@code path}, naming the message the page shows instead. */
    Visitor expectOn(String path) {
        if (!path().endsWith(path)) {
            throw new Failure("on " + path() + " instead of " + path + describe());
        }
        return this;
    }

    /** Fails unless the page shows {@code words}. */
    Visitor expectShowing(String words) {
        if (!shows(words)) {
            throw new Failure("not shown: " + words + " (on " + path() + describe() + ")");
        }
        return this;
    }

    private String describe() {
        Matcher error = ERROR.matcher(page);
        return error.find() ? ": " + error.group(1).trim() : "";
    }

    /** A step that did not end where a person would expect; its message is the reason counted. */
    static final class Failure extends RuntimeException {
        Failure(String reason) {
            super(reason, null, false, false);
        }
    }
}
