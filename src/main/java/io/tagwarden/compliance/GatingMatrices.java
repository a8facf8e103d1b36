package io.tagwarden.compliance;

import io.micronaut.transaction.annotation.Transactional;
import io.tagwarden.version.ContainerVersion;
import io.tagwarden.version.PublishService;
import jakarta.inject.Singleton;

/** The gating matrix of a published version, and the difference between two versions' matrices. */
@Singleton
public class GatingMatrices {

    private final PublishService versions;
    private final GatingMatrixFactory factory;

    GatingMatrices(PublishService versions, GatingMatrixFactory factory) {
        this.versions = versions;
        this.factory = factory;
    }

    @Transactional
    public GatingMatrix of(String containerId, int number) {
        ContainerVersion version = versions.get(containerId, number);
        return factory.of(version, versions.snapshotOf(version));
    }

    @Transactional
    public MatrixDiff diff(String containerId, int from, int to) {
        return MatrixDiff.between(of(containerId, from), of(containerId, to));
    }

    public static String csv(GatingMatrix matrix) {
        return MatrixExport.csv(matrix);
    }
}
