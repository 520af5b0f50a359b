// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fixbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fixbook", targets: ["fixbook"]),
        .library(name: "FixbookCore", targets: ["FixbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CAtomicRename"),
        // The default theme (Templates/) is compiled into FixbookCore at build time.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // The commit `fixbook --version` prints, asked of git before every build.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .target(
            name: "FixbookCore",
            dependencies: [
                "CCmarkGFM",
                "CAtomicRename",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        .target(
            name: "FixbookServer",
            dependencies: ["FixbookCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(
            name: "FixbookCLI",
            dependencies: [
                "FixbookCore",
                "FixbookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        .executableTarget(name: "fixbook", dependencies: ["FixbookCLI"]),
        // libFuzzer target over front matter + Markdown; see scripts/fuzz.sh.
        .executableTarget(name: "FixbookFuzz", dependencies: ["FixbookCore"]),
        .target(name: "FixbookTestSupport", dependencies: ["FixbookCore"], path: "Tests/FixbookTestSupport"),
        .testTarget(
            name: "FixbookCoreTests",
            dependencies: [
                "FixbookCore", "FixbookTestSupport", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "FixbookCLITests", dependencies: ["FixbookCLI", "FixbookTestSupport"]),
    ]
)
