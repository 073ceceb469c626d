package com.videoapi.portal.it.support;

import com.videoapi.portal.it.support.Mailbox.Mail;

import java.time.Duration;
import java.util.List;

/**
 * The mails of one kind to one address, told apart by how their subject begins: a person gets several
 * kinds (the address check, reset links, security notices), and a test counts one of them.
 */
public final class MailsAbout {

    /** The subject of every "Forgot password?" mail. */
    public static final String RESET_LINK = "Reset your password";

    /** How the subject of every security notice begins; the sentence of what happened follows. */
    public static final String NOTICE = "Security change on your account: ";

    private MailsAbout() {
    }

    /** The mails so far to {@code address} whose subject starts with {@code subject}, oldest first. */
    public static List<Mail> now(String address, String subject) {
        return Mailbox.mailsTo(address).stream().filter(m -> m.subject() != null && m.subject().startsWith(subject)).toList();
    }

    /** Waits until at least {@code count} of them arrived; fails after {@link Mailbox#PATIENCE}. */
    public static List<Mail> await(String address, String subject, int count) {
        long deadline = System.nanoTime() + Mailbox.PATIENCE.toNanos();
        List<Mail> mails = now(address, subject);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " mail(s) \"" + subject + "...\" to " + address + " expected within "
                        + Mailbox.PATIENCE + "; all mails to it: " + Mailbox.mailsTo(address));
            }
            pause(Duration.ofMillis(200));
            mails = now(address, subject);
        }
        return mails;
    }

    /** Exactly {@code count} of them: waits for them, then watches {@link Mailbox#QUIET} that no other comes. */
    public static List<Mail> exactly(String address, String subject, int count) {
        if (count > 0) {
            await(address, subject, count);
        }
        pause(Mailbox.QUIET);
        List<Mail> mails = now(address, subject);
        if (mails.size() != count) {
            throw new AssertionError(count + " mail(s) \"" + subject + "...\" to " + address + " expected, " + mails.size()
                    + " arrived: " + Mailbox.mailsTo(address));
        }
        return mails;
    }

    /** The newest of them, the {@code count}-th to arrive (waiting for it). */
    public static Mail newest(String address, String subject, int count) {
        List<Mail> mails = await(address, subject, count);
        return mails.get(mails.size() - 1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for mail", e);
        }
    }
}
