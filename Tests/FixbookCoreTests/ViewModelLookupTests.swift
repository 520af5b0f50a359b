import Foundation
import Mustache
import Testing

@testable import FixbookCore

/// Templates read view models through hand-written `child(named:)` switches instead of `Mirror`.
/// A case that is missing renders empty, and a case that returns the wrong value renders that
/// value (`case "name": name` once returned the looked-up name itself, so every tag read "name").
/// So this compares, for every stored property of every view model, what the lookup returns with
/// what the property holds, on values that all differ from one another and from their names.
@Suite struct ViewModelLookupTests {
    @Test func everyLookupReturnsItsOwnProperty() {
        let values = DistinctValues()
        let chip = CodeChipView(
            written: values.text(), key: values.text(), system: values.text(), message: values.text(), hasMessage: true,
            url: values.text(), solutionURL: values.text())
        let summary = ArticleSummaryView(
            title: values.text(), url: values.text(), summary: values.text(), hasSummary: true,
            categoryTitle: values.text(), updated: values.text(), updatedText: values.text(), codes: [chip],
            hasCodes: false, html: values.text())
        let link = LinkView(title: values.text(), url: values.text())
        let codeIndexEntry = CodeIndexEntryView(
            key: values.text(), url: values.text(), messages: values.text(), articleCount: values.number())
        let views: [any MustacheParent] = [
            PageView(
                lang: values.text(), siteTitle: values.text(), siteDescription: values.text(), pageTitle: values.text(),
                metaDescription: values.text(), root: values.text(), ui: SharedUIStrings(.english),
                support: values.text(), kind: values.text(), breadcrumbs: [link], hasBreadcrumbs: true,
                headerHTML: values.text(), footerHTML: values.text(), headHTML: values.text(),
                scriptsHTML: values.text(), breadcrumbsHTML: values.text(), page: values.text()),
            link, chip, summary, codeIndexEntry,
            TagView(name: values.text(), url: values.text()),
            TocItemView(text: values.text(), href: values.text(), isSub: true),
            ArticleView(
                title: values.text(), summary: values.text(), hasSummary: true, categoryTitle: values.text(),
                categoryURL: values.text(), hasCategory: false, updated: values.text(), updatedText: values.text(),
                hasUpdated: true,
                codes: [chip], hasCodes: false, symptoms: [values.text()], hasSymptoms: true,
                tags: [TagView(name: values.text(), url: values.text())], hasTags: false,
                toc: [TocItemView(text: values.text(), href: values.text(), isSub: false)], hasToc: true,
                bodyHTML: values.text(), solutionURL: values.text(), hasSolution: false, related: [summary],
                hasRelated: true, slug: values.text(), language: values.text(), feedbackYesURL: values.text(),
                feedbackNoURL: values.text(), hasFeedbackEndpoint: false, stillStuckURL: values.text(),
                previous: LinkView(title: values.text(), url: values.text()), hasPrevious: true,
                next: LinkView(title: values.text(), url: values.text()), hasNext: false, hasNeighbors: true),
            CategoryCardView(
                title: values.text(), description: values.text(), url: values.text(), count: values.number(),
                articles: [link]),
            HomeView(
                featured: [link], hasFeatured: false, categories: [], hasCategories: true, recent: [summary],
                popularCodes: [chip],
                codeCount: values.number(), articleCount: values.number()),
            CodeGroupView(system: values.text(), codes: [codeIndexEntry]),
            CodeIndexView(groups: [CodeGroupView(system: values.text(), codes: [])]),
            CodeUseView(
                articleTitle: values.text(), articleURL: values.text(), message: values.text(), hasMessage: true,
                solutionURL: values.text(), summary: values.text(), symptoms: [values.text()], hasSymptoms: false),
            CodePageView(
                key: values.text(), system: values.text(), catalogMessages: [values.text()],
                hasCatalogMessages: true, uses: [], isAmbiguous: false),
            ListingView(
                title: values.text(), description: values.text(), hasDescription: true, articles: [summary],
                featured: [link], hasFeatured: false),
            TermIndexView(
                title: values.text(), terms: [TermView(name: values.text(), url: values.text(), count: 1)]),
            TermView(name: values.text(), url: values.text(), count: values.number()),
            RedirectView(target: values.text(), targetTitle: values.text()),
            LanguageLinkView(
                tag: values.text(), name: values.text(), url: values.text(), isCurrent: true, isTranslated: false,
                untranslatedNote: values.text()),
            LanguageChooserView(
                lang: values.text(), title: values.text(),
                choices: [
                    LanguageChoiceView(
                        tag: values.text(), name: values.text(), title: values.text(), description: values.text(),
                        url: values.text(), address: values.text())
                ], stylesheet: values.text(), icon: values.text(), defaultAddress: values.text()),
            LanguageChoiceView(
                tag: values.text(), name: values.text(), title: values.text(), description: values.text(),
                url: values.text(), address: values.text()),
            UIStrings.english,
        ]
        var checked = 0
        for view in views {
            for child in Mirror(reflecting: view).children {
                guard let name = child.label else { continue }
                checked += 1
                let looked = view.child(named: name)
                #expect(looked != nil, "\(type(of: view)).\(name) has no lookup case")
                #expect(
                    looked.map(describe) == describe(child.value),
                    "\(type(of: view)).\(name) looks up \(looked.map(describe) ?? "nothing")")
            }
            #expect(view.child(named: "noSuchProperty") == nil)
        }
        #expect(checked > 100)
    }

    /// Every view model type that the renderer hands to a template is in the list above.
    @Test func everyViewModelTypeIsChecked() throws {
        let source = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/FixbookCore/Render/ViewModels.swift"),
            encoding: .utf8)
        let thisFile = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        for line in source.split(separator: "\n") where line.hasPrefix("struct ") {
            let name = line.dropFirst("struct ".count).prefix { $0.isLetter }
            #expect(thisFile.contains("\(name)("), "\(name) is not checked by everyLookupReturnsItsOwnProperty")
        }
    }

    /// Class instances compare by identity; everything else by its description.
    private func describe(_ value: Any) -> String {
        if let object = value as? AnyObject, type(of: value) is AnyClass {
            return "object \(ObjectIdentifier(object).hashValue)"
        }
        return String(describing: value)
    }
}

/// Hands out values that are all different, so a lookup returning a sibling property is caught.
private final class DistinctValues {
    private var counter = 0

    func text() -> String {
        counter += 1
        return "value-\(counter)"
    }

    func number() -> Int {
        counter += 1
        return 1000 + counter
    }
}
