package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Platform;

/**
 * One of the image's platforms matches the node's: x86_64 counts as amd64 and aarch64 as arm64, an
 * empty OS or architecture in the image matches anything, a node without a platform matches nothing.
 */
final class PlatformFilter implements Filter {

    static final String ONE = "unsupported platform on 1 node";
    static final String MANY = "unsupported platform on %d nodes";
    static final String REASON = "unsupported platform";

    @Override
    public boolean enabled(TaskDemand demand) {
        return !demand.platforms().isEmpty();
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        Platform nodePlatform = node.node.spec().platform();
        if (nodePlatform == null) {
            return false;
        }
        for (Platform image : demand.platforms()) {
            if (matches(image, nodePlatform)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Platform image, Platform node) {
        String arch = normalArch(image.arch());
        String os = image.os() == null ? "" : image.os();
        return (arch.isEmpty() || arch.equals(normalArch(node.arch()))) && (os.isEmpty() || os.equals(node.os()));
    }

    private static String normalArch(String arch) {
        if (arch == null) {
            return "";
        }
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    @Override
    public String explain(int nodes) {
        return nodes == 1 ? ONE : MANY.formatted(nodes);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
