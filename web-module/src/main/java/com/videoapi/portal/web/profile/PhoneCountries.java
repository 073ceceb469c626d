package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.phones.boundary.PhoneRegions;
import com.videoapi.portal.account.phones.boundary.PhoneRegions.Region;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The countries of the phone number's choice, named and sorted in a language: computed once per language. */
@ApplicationScoped
public class PhoneCountries {

    private final Map<Locale, List<Region>> byLanguage = new ConcurrentHashMap<>();

    public List<Region> in(Locale language) {
        return byLanguage.computeIfAbsent(language, PhoneRegions::all);
    }
}
