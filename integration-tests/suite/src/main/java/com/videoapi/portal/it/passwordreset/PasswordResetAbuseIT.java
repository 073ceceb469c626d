package com.videoapi.portal.it.passwordreset;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script asking for password resets over and over: it fills nobody's inbox (3 links an hour per
 * address, silently) and is answered 429 once its network asked too often (10 an hour).
 */
class PasswordResetAbuseIT extends PortalTest {

    private static final String TEST_SERVERS_RESETS = System.getProperty("it.password-resets-per-address-per-hour", "100000");

    @Test
    void a_thousand_requests_for_one_address_send_three_links_and_get_the_same_answer_every_time() throws Exception {
        String email = uniqueEmail("max");
        signUp("Max's account", email);
        browser.open("/forgot-password.xhtml");
        HttpClient http = HttpClient.newHttpClient();
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            HttpRequest ask = formPost("/forgot-password.xhtml", "forgot", "forgot", "forgot:email", email,
                    "forgot:send", "Send the link");
            HttpResponse<String> answer = http.send(ask, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("If an account uses this address, we sent a link"), answer.body());
            // Apart from what belongs to this session and changes by itself: its view state, and the seconds
            // until it ends (the session warning's countdown, which ticks while the script asks).
            answers.add(answer.body().replaceAll("name=\"jakarta.faces.ViewState\"[^>]*", "")
                    .replaceAll("data-absolute-end-seconds=\"\\d+\"", ""));
        }
        assertEquals(1, answers.size(), "the same page every time, sent or not");
        MailsAbout.exactly(email, MailsAbout.RESET_LINK, 3);
    }

    @Test
    @WildFlyOnly("lowers the per-address throttle in the running server through WildFly's management API")
    void a_network_asking_too_often_is_answered_429_for_every_address_alike() {
        String email = uniqueEmail("ned");
        signUp("Ned's account", email);
        try (ServerSetting perAddress = ServerSetting.set("passwordreset.per-address-per-hour", "5", TEST_SERVERS_RESETS);
             Browser script = new Browser(baseUrl()).from("127.0.0.57")) {
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                // Known and unknown addresses in turn: the throttle counts requests, not accounts.
                script.open("/forgot-password.xhtml").fillIn("Email", i % 2 == 0 ? email : uniqueEmail("nobody"))
                        .press("Send the link");
                if (script.status() == 429) {
                    refused++;
                    assertTrue(script.shows("Too many password resets were asked for from your network"), script.text());
                }
            }
            assertEquals(15, refused, "5 an hour from one network, then 429");
        }
        MailsAbout.exactly(email, MailsAbout.RESET_LINK, 3);
    }
}
