// DocumentURI: `file://` URIs to paths and back (other schemes, such as an editor's `untitled:`, have no path).

import Foundation

enum DocumentURI {
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    static func uri(ofPath path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
