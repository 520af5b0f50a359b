import Mustache

// Templates look values up by name. swift-mustache falls back to `Mirror` for plain structs,
// which reflects on every lookup; these switches answer the same lookups directly.
// Written by hand, one case per stored property: `ViewModelLookupTests` checks that every case
// returns its own property.

// A string renders as itself. Without this, swift-mustache tries three more protocol casts and
// `String(describing:)` for every `{{value}}`. The library cannot declare it for us.
// swift-format-ignore: AvoidRetroactiveConformances
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension SharedUIStrings: MustacheParent {
    func child(named name: String) -> Any? { strings.child(named: name) }
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "pageTitle": pageTitle
        case "metaDescription": metaDescription
        case "root": root
        case "ui": ui
        case "support": support
        case "kind": kind
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": hasBreadcrumbs
        case "headerHTML": headerHTML
        case "footerHTML": footerHTML
        case "headHTML": headHTML
        case "scriptsHTML": scriptsHTML
        case "breadcrumbsHTML": breadcrumbsHTML
        case "hasCanonical": hasCanonical
        case "canonicalURL": canonicalURL
        case "ogType": ogType
        case "ogTitle": ogTitle
        case "ogLocale": ogLocale
        case "jsonLDHTML": jsonLDHTML
        case "languages": languages
        case "hasLanguages": !languages.isEmpty
        case "alternates": alternates
        case "page": page
        default: nil
        }
    }
}

extension LanguageLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": tag
        case "name": self.name
        case "url": url
        case "isCurrent": isCurrent
        case "isTranslated": isTranslated
        case "untranslatedNote": untranslatedNote
        default: nil
        }
    }
}

extension LanguageChooserView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "title": title
        case "choices": choices
        case "stylesheet": stylesheet
        case "icon": icon
        case "defaultAddress": defaultAddress
        default: nil
        }
    }
}

extension LanguageChoiceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": tag
        case "name": self.name
        case "title": title
        case "description": description
        case "url": url
        case "address": address
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension CodeChipView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "written": written
        case "key": key
        case "system": system
        case "message": message
        case "hasMessage": hasMessage
        case "url": url
        case "solutionURL": solutionURL
        default: nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        default: nil
        }
    }
}

extension TocItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "isSub": isSub
        default: nil
        }
    }
}

extension ArticleSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": html
        case "title": title
        case "url": url
        case "summary": summary
        case "hasSummary": hasSummary
        case "categoryTitle": categoryTitle
        case "updated": updated
        case "updatedText": updatedText
        case "codes": codes
        case "hasCodes": hasCodes
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "hasSummary": hasSummary
        case "categoryTitle": categoryTitle
        case "categoryURL": categoryURL
        case "hasCategory": hasCategory
        case "updated": updated
        case "updatedText": updatedText
        case "hasUpdated": hasUpdated
        case "codes": codes
        case "hasCodes": hasCodes
        case "symptoms": symptoms
        case "hasSymptoms": hasSymptoms
        case "tags": tags
        case "hasTags": hasTags
        case "toc": toc
        case "hasToc": hasToc
        case "bodyHTML": bodyHTML
        case "solutionURL": solutionURL
        case "hasSolution": hasSolution
        case "related": related
        case "hasRelated": hasRelated
        case "slug": slug
        case "language": language
        case "feedbackYesURL": feedbackYesURL
        case "feedbackNoURL": feedbackNoURL
        case "hasFeedbackEndpoint": hasFeedbackEndpoint
        case "stillStuckURL": stillStuckURL
        case "previous": previous
        case "hasPrevious": hasPrevious
        case "next": next
        case "hasNext": hasNext
        case "hasNeighbors": hasNeighbors
        default: nil
        }
    }
}

extension CategoryCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "url": url
        case "count": count
        case "articles": articles
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "categories": categories
        case "hasCategories": hasCategories
        case "recent": recent
        case "popularCodes": popularCodes
        case "codeCount": codeCount
        case "articleCount": articleCount
        case "featured": featured
        case "hasFeatured": hasFeatured
        default: nil
        }
    }
}

extension CodeGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "system": system
        case "codes": codes
        default: nil
        }
    }
}

extension CodeIndexEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "url": url
        case "messages": messages
        case "articleCount": articleCount
        default: nil
        }
    }
}

extension CodeIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "groups": groups
        default: nil
        }
    }
}

extension CodeUseView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articleTitle": articleTitle
        case "articleURL": articleURL
        case "message": message
        case "hasMessage": hasMessage
        case "solutionURL": solutionURL
        case "summary": summary
        case "symptoms": symptoms
        case "hasSymptoms": hasSymptoms
        default: nil
        }
    }
}

extension CodePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "system": system
        case "catalogMessages": catalogMessages
        case "hasCatalogMessages": hasCatalogMessages
        case "uses": uses
        case "isAmbiguous": isAmbiguous
        default: nil
        }
    }
}

extension ListingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "hasDescription": hasDescription
        case "articles": articles
        case "featured": featured
        case "hasFeatured": hasFeatured
        default: nil
        }
    }
}

extension TermIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "terms": terms
        default: nil
        }
    }
}

extension TermView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "count": count
        default: nil
        }
    }
}

extension RedirectView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "target": target
        case "targetTitle": targetTitle
        default: nil
        }
    }
}

extension UIStrings: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "home": home
        case "searchLabel": searchLabel
        case "searchPlaceholder": searchPlaceholder
        case "searchButton": searchButton
        case "skipToContent": skipToContent
        case "categories": categories
        case "allCodes": allCodes
        case "codesIntro": codesIntro
        case "tags": tags
        case "recentlyUpdated": recentlyUpdated
        case "updated": updated
        case "codes": codes
        case "symptoms": symptoms
        case "onThisPage": onThisPage
        case "related": related
        case "solution": solution
        case "goToSolution": goToSolution
        case "articles": articles
        case "articleCount": articleCount
        case "notFoundTitle": notFoundTitle
        case "notFoundText": notFoundText
        case "contactSupport": contactSupport
        case "stillStuck": stillStuck
        case "copyLink": copyLink
        case "redirecting": redirecting
        case "noResults": noResults
        case "searchResults": searchResults
        case "seeAlsoCode": seeAlsoCode
        case "message": message
        case "printedFrom": printedFrom
        case "openOnPage": openOnPage
        case "otherCategory": otherCategory
        case "missingArticle": missingArticle
        case "searchFoundOne": searchFoundOne
        case "searchFound": searchFound
        case "searchFoundFiltered": searchFoundFiltered
        case "searchSuggestion": searchSuggestion
        case "searchSuggestionWithCode": searchSuggestionWithCode
        case "searchContact": searchContact
        case "searchSeeAll": searchSeeAll
        case "searchShowMore": searchShowMore
        case "searchFilters": searchFilters
        case "searchFilterCategory": searchFilterCategory
        case "searchFilterTag": searchFilterTag
        case "searchUnavailable": searchUnavailable
        case "copy": copy
        case "copied": copied
        case "previousArticle": previousArticle
        case "nextArticle": nextArticle
        case "commonQuestions": commonQuestions
        case "language": language
        case "untranslatedPage": untranslatedPage
        case "dateFormat": dateFormat
        case "monthNames": monthNames
        case "feedbackQuestion": feedbackQuestion
        case "feedbackYes": feedbackYes
        case "feedbackNo": feedbackNo
        case "feedbackThanks": feedbackThanks
        case "stillStuckSubject": stillStuckSubject
        case "stillStuckSubjectWithCodes": stillStuckSubjectWithCodes
        case "stillStuckBody": stillStuckBody
        case "supportChecklist": supportChecklist
        case "searchCorrected": searchCorrected
        case "searchInstead": searchInstead
        case "searchPartial": searchPartial
        case "searchCut": searchCut
        case "searchMissing": searchMissing
        case "systemSmtpEnhanced": systemSmtpEnhanced
        case "systemSocket": systemSocket
        case "systemMessage": systemMessage
        case "systemOther": systemOther
        default: nil
        }
    }
}
