package com.videoapi.portal.it.support;

import org.htmlunit.BrowserVersion;
import org.htmlunit.CookieManager;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's browser, at the level of HTML: finds fields by their visible labels and buttons by
 * their text, as a person would. No JavaScript: the pages must work without it.
 */
public final class Browser implements AutoCloseable {

    private final String baseUrl;
    private final WebClient client = new WebClient(BrowserVersion.CHROME);
    private final List<String> setCookieHeaders = new ArrayList<>();
    private Page page;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        // Keeps every Set-Cookie as the server wrote it, redirects included, for tests of its attributes.
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                WebResponse response = super.getResponse(request);
                response.getResponseHeaders().stream()
                        .filter(header -> "Set-Cookie".equalsIgnoreCase(header.getName()))
                        .forEach(header -> setCookieHeaders.add(header.getValue()));
                return response;
            }
        };
    }

    /** Accepts any server certificate, e.g. a test proxy's self-signed one. */
    public Browser acceptingAnyCertificate() {
        client.getOptions().setUseInsecureSSL(true);
        return this;
    }

    /** Every Set-Cookie header this browser received so far, in order, as the server wrote it. */
    public List<String> setCookieHeaders() {
        return List.copyOf(setCookieHeaders);
    }

    /** Another tab of this browser: a page of its own, the same cookies (the same session). */
    public Browser newTab() {
        Browser tab = new Browser(baseUrl);
        tab.client.setCookieManager(client.getCookieManager());
        return tab;
    }

    /**
     * This browser (its cookies) at another address of the portal, e.g. one node of a cluster: a page
     * of its own, the same session.
     */
    public Browser at(String otherBaseUrl) {
        Browser elsewhere = new Browser(otherBaseUrl);
        elsewhere.client.setCookieManager(client.getCookieManager());
        return elsewhere;
    }

    public Browser open(String path) {
        try {
            page = client.getPage(baseUrl + path.replaceFirst("^/", ""));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects from {@code loopbackAddress} (any of 127.0.0.0/8 on Linux) rather than 127.0.0.1: the
     * server sees another client address, as a browser elsewhere on the internet.
     */
    public Browser from(String loopbackAddress) {
        try {
            client.getOptions().setLocalAddress(InetAddress.getByName(loopbackAddress));
            return this;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** Sends this header with every later request, as a client that writes its own headers would. */
    public Browser header(String name, String value) {
        client.addRequestHeader(name, value);
        return this;
    }

    /** Types into the field whose label reads {@code label}. */
    public Browser fillIn(String label, String value) {
        HtmlInput input = field(label);
        input.setValue(value);
        return this;
    }

    /** Ticks the checkbox whose label reads {@code label}. */
    public Browser check(String label) {
        ((HtmlCheckBoxInput) field(label)).setChecked(true);
        return this;
    }

    public Browser uncheck(String label) {
        ((HtmlCheckBoxInput) field(label)).setChecked(false);
        return this;
    }

    /** Chooses the option whose value is {@code value} in the select labelled {@code label}. */
    public Browser choose(String label, String value) {
        List<DomElement> labels = html().getByXPath("//label[normalize-space(.)=" + literal(label) + "]");
        HtmlSelect select = (HtmlSelect) html().getElementById(labels.get(0).getAttribute("for"));
        select.setSelectedAttribute(value, true);
        return this;
    }

    /** Text as an XPath string literal; the product's labels have apostrophes ("Confirm it's you"). */
    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    public HtmlInput field(String label) {
        List<DomElement> labels = html().getByXPath("//label[normalize-space(.)=" + literal(label) + "]");
        if (labels.isEmpty()) {
            throw new AssertionError("No field labelled '" + label + "' on " + path());
        }
        return (HtmlInput) html().getElementById(labels.get(0).getAttribute("for"));
    }

    /** Presses the button (or link) whose text is {@code text}. */
    public Browser press(String text) {
        List<HtmlElement> buttons = html().getByXPath(
                "//input[(@type='submit' or @type='button') and @value=" + literal(text) + "] | //button[normalize-space(.)="
                        + literal(text) + "] | //a[normalize-space(.)=" + literal(text) + "]");
        if (buttons.isEmpty()) {
            throw new AssertionError("No button or link '" + text + "' on " + path());
        }
        try {
            page = buttons.get(0).click();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses the button whose accessible name (its aria-label) is {@code name}: one of several with the
     * same text, as a screen reader tells them apart ("Remove First" among the "Remove" buttons).
     */
    public Browser pressNamed(String name) {
        List<HtmlElement> buttons = html().getByXPath("//input[@type='submit' and @aria-label=" + literal(name) + "]");
        if (buttons.isEmpty()) {
            throw new AssertionError("No button named '" + name + "' on " + path());
        }
        try {
            page = buttons.get(0).click();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops (false) or resumes following redirects: a test then sees each request of a step on its own,
     * the post and the page it redirects to ({@link #followRedirect}).
     */
    public Browser followingRedirects(boolean follow) {
        client.getOptions().setRedirectEnabled(follow);
        return this;
    }

    /** Opens the address the last response redirected to. */
    public Browser followRedirect() {
        String location = page.getWebResponse().getResponseHeaderValue("Location");
        if (location == null) {
            throw new AssertionError("No redirect from " + path() + " (" + status() + ")");
        }
        try {
            page = client.getPage(new URL(page.getUrl(), location));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a form post of our own making, as a forged or tampered request would be. */
    public Browser post(String path, List<NameValuePair> parameters) {
        try {
            WebRequest request = new WebRequest(new URL(baseUrl + path.replaceFirst("^/", "")), HttpMethod.POST);
            request.setRequestParameters(parameters);
            page = client.getPage(request);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view state of the current page's first form, for hand-made posts. */
    public String viewState() {
        List<DomElement> state = html().getByXPath("//input[@name='jakarta.faces.ViewState']");
        return state.isEmpty() ? null : state.get(0).getAttribute("value");
    }

    public HtmlPage html() {
        if (!(page instanceof HtmlPage html)) {
            throw new AssertionError("Not an HTML page: " + (page == null ? "nothing opened" : page.getWebResponse().getContentType()));
        }
        return html;
    }

    public String text() {
        return html().asNormalizedText();
    }

    /**
     * What a failed assertion shows of this page: where it is and its status, then what it says to the
     * person (its messages, notices and alerts, which a long page's text buries: CI shows only the first
     * lines of a failure), then its whole text.
     */
    public String describe() {
        if (!(page instanceof HtmlPage shown)) {
            return path();
        }
        java.util.Set<String> said = new java.util.LinkedHashSet<>();
        for (org.htmlunit.html.DomNode node : shown.querySelectorAll(".messages li, .error, .notice, [role=alert]")) {
            String words = node.asNormalizedText().strip();
            if (!words.isEmpty()) {
                said.add(words.replace('\n', ' '));
            }
        }
        return path() + " (" + status() + "), saying: " + (said.isEmpty() ? "nothing" : String.join(" | ", said))
                + "\n" + text();
    }

    public boolean shows(String text) {
        return text().contains(text);
    }

    public String heading() {
        DomElement h1 = html().getFirstByXPath("//h1");
        return h1 == null ? "" : h1.asNormalizedText();
    }

    public String path() {
        return page == null ? "(none)" : page.getUrl().getPath();
    }

    public int status() {
        return page.getWebResponse().getStatusCode();
    }

    public Cookie cookie(String name) {
        return client.getCookieManager().getCookie(name);
    }

    public String sessionId() {
        Cookie cookie = client.getCookieManager().getCookie("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    public CookieManager cookies() {
        return client.getCookieManager();
    }

    /** What the browser shows now, for the failure report. */
    public String lastResponse() {
        if (page == null) {
            return "(no page opened)";
        }
        return page.getUrl() + " -> " + page.getWebResponse().getStatusCode() + "\n" + page.getWebResponse().getContentAsString();
    }

    @Override
    public void close() {
        client.close();
    }
}
