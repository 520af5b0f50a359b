import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when files under the site root change, from the kernel's notifications (inotify on
/// Linux): no polling, so watching ten thousand files costs nothing while nothing changes. Every
/// folder is watched (new ones as they appear); the output folders and hidden ones are not.
/// Renames, deletions and editors that write a temporary file and move it over all arrive as
/// events, named by the files they touched. `nil` from `make` means the platform has no such notifications: poll instead.
final class ChangeNotifier: @unchecked Sendable {
    /// What changed since the last wait: the files written, come, gone or moved (root-relative
    /// paths, temporary files included), or nil when a folder did (or the kernel dropped events),
    /// and the whole content must be listed again.
    struct Change {
        var files: Set<String>?
    }

    #if canImport(Glibc)
        private let descriptor: Int32
        /// Each watch's folder: its path, and its path relative to the root.
        private var folders: [Int32: (path: String, relative: String)] = [:]
        private let lock = NSLock()
        private let ignored: (String) -> Bool
        /// The files touched since the last wait, nil once a folder came, went or moved.
        private var written: Set<String>? = []

        private init(descriptor: Int32, ignored: @escaping (String) -> Bool) {
            self.descriptor = descriptor
            self.ignored = ignored
        }

        deinit { close(descriptor) }

        /// A notifier for every folder under `root` that `ignored` (a root-relative path) spares.
        static func make(root: URL, ignored: @escaping (String) -> Bool) -> ChangeNotifier? {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            let notifier = ChangeNotifier(descriptor: descriptor, ignored: ignored)
            guard notifier.watchTree(root.path, relative: "") else { return nil }
            return notifier
        }

        private static let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF
                | IN_MOVE_SELF)

        /// Watches `path` and every folder below it; false when the kernel refuses (the limit of
        /// watches reached), so the caller falls back to polling.
        @discardableResult
        private func watchTree(_ path: String, relative: String) -> Bool {
            if !relative.isEmpty && ignored(relative) { return true }
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            guard watch >= 0 else { return false }
            lock.withLock { folders[watch] = (path, relative) }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
            for name in names where !name.hasPrefix(".") {
                var isDirectory: ObjCBool = false
                let child = path + "/" + name
                // Links are not followed here: the content loader decides what a link may reach.
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue,
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) == nil
                {
                    guard watchTree(child, relative: relative.isEmpty ? name : relative + "/" + name) else {
                        return false
                    }
                }
            }
            return true
        }

        /// Blocks until at least one event arrives, then until none has arrived for `quiet`, so a
        /// save in several steps is reported once, whole. Returns nil once the notifier fails.
        func waitForChange(quiet milliseconds: Int32) -> Change? {
            written = []
            guard readEvents(timeout: -1) else { return nil }
            while true {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, milliseconds)
                if ready == 0 { return Change(files: written) }
                if ready < 0 && errno != EINTR { return nil }
                guard readEvents(timeout: 0) else { return nil }
            }
        }

        /// Reads the waiting events; watches new folders as they appear.
        private func readEvents(timeout: Int32) -> Bool {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&poller, 1, timeout) < 0 {
                if errno != EINTR { return false }
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return count == 0 || errno == EAGAIN || errno == EINTR }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(
                    decoding: buffer[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + nameLength
                let folder = lock.withLock { folders[watch] }
                // An event on a file names it; one on a folder, on a watched folder itself
                // (deleted, moved) or a queue overflow has the whole content listed again.
                if let folder, !name.isEmpty, mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED) == 0 {
                    written?.insert(folder.relative.isEmpty ? name : folder.relative + "/" + name)
                } else {
                    written = nil
                }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                    let folder = lock.withLock({ folders[watch] })
                {
                    let relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
                    watchTree(folder.path + "/" + name, relative: relative)
                }
            }
            return true
        }
    #else
        static func make(root: URL, ignored: @escaping (String) -> Bool) -> ChangeNotifier? { nil }
        func waitForChange(quiet milliseconds: Int32) -> Change? { nil }
    #endif
}
