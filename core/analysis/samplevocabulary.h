#pragma once

#include "common/error.h"

#include <QString>

#include <string>
#include <vector>

namespace mw {

/// The word lists the sample generator draws from (resources/core/sample/*.json, embedded
/// as :/mailwright/sample/...): locales with names, cities and mail domains, and a product
/// catalogue by category.
struct SampleVocabulary {
    struct City {
        QString name;
        QString timezone;
        int utcOffsetSeconds = 0; // at the generator's reference time
    };
    struct Locale {
        QString country;  // ISO 3166-1 alpha-2
        QString language; // BCP 47
        double weight = 1;
        std::vector<City> cities;
        std::vector<QString> female, male, last;
        std::vector<std::string> femaleAscii, maleAscii, lastAscii; // for e-mail addresses
        std::vector<QString> domains;
    };
    struct Category {
        QString name;
        QString slug;
        int products = 0;
        double minPrice = 1, maxPrice = 100;
        double weight = 1;
        std::vector<QString> adjectives, nouns;
    };

    std::vector<Locale> locales;
    std::vector<Category> categories;
    QString storeUrl;
    QString imageUrl;

    /// Loads the embedded vocabulary; offsets are taken at referenceTime.
    static Result<SampleVocabulary> load(int64_t referenceTime);

    /// Lower-case ASCII form for e-mail local parts: "Zoë O'Brien" -> "zoeobrien".
    static std::string asciiFold(const QString &text);
};

} // namespace mw
