/**
 * The Jakarta Faces pages of the account portal.
 *
 * <p>Backing beans are small and hold no business rule: they call a boundary of account-module or
 * security-module and turn its outcome into a message on the page, one bean per form. Every sentence
 * a person reads is in the bundles {@code com/videoapi/portal/web/messages*.properties} (English and
 * German, chosen by the browser's Accept-Language); the boundaries report outcomes as enums, and
 * {@code forms.Words} says them. Packages follow the pages: {@code signin}, {@code signup},
 * {@code home}, {@code profile}; {@code forms} holds what every form shares (the words, the dates,
 * the converters of phone numbers, e-mail addresses and account names); {@code home} also has the signed-in person that every page shows; {@code outage} answers 503
 * when the database is out of reach. Logger category: {@code com.videoapi.portal.web}.
 */
package com.videoapi.portal.web;
