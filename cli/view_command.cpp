// `sightline view CASE [viewer options]`: opens the viewer (sightline-viewer) on a case.
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <iostream>
#include <vector>

#include "commands.hpp"

namespace sightline::cli {

namespace fs = std::filesystem;

namespace {

// The viewer beside this program (an installed layout), or in the build tree's viewer folder.
std::string find_viewer() {
    char self[PATH_MAX] = {};
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        const fs::path dir = fs::path(std::string(self, static_cast<std::size_t>(n))).parent_path();
        for (const fs::path& p : {dir / "sightline-viewer", dir.parent_path() / "viewer" / "sightline-viewer"}) {
            std::error_code ec;
            if (fs::exists(p, ec)) return p.string();
        }
    }
    return "sightline-viewer";  // from PATH
}

}  // namespace

int run_view(int argc, char** argv) {
    std::vector<std::string> args{find_viewer()};
    for (int i = 2; i < argc; ++i) args.emplace_back(argv[i]);
    if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) {
        std::cout << "usage: sightline view CASE [options]\n\nOpens the viewer on a case; the options are sightline-viewer's "
                     "(run 'sightline view --help-viewer' for them).\n";
        return k_exit_clean;
    }
    if (args.size() > 1 && args[1] == "--help-viewer") args[1] = "--help";
    std::vector<char*> cargs;
    for (std::string& a : args) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    ::execvp(cargs[0], cargs.data());
    std::cerr << "sightline view: cannot start the viewer '" << args[0] << "' (build it with the viewer enabled)\n";
    return k_exit_usage;
}

}  // namespace sightline::cli
