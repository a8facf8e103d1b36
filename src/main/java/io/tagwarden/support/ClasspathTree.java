package io.tagwarden.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every file under a classpath folder, from all classpath roots (directories and jars), so that
 * folders such as {@code snippets/vendors} can be discovered instead of listed by hand.
 */
public final class ClasspathTree {

    private ClasspathTree() {
    }

    /**
     * @return relative path ("meta/descriptor.json", always with '/') → file bytes; a file present under
     * several roots is reported as a conflict
     */
    public static Map<String, byte[]> read(ClassLoader classLoader, String root) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(root))) {
                readRoot(url.toURI(), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read classpath:" + root, e);
        }
        return files;
    }

    private static void readRoot(URI uri, Map<String, byte[]> files) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            collect(Path.of(uri), files);
            return;
        }
        FileSystem fs = null;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            collect(FileSystems.getFileSystem(uri).provider().getPath(uri), files);
            return;
        }
        try (FileSystem opened = fs) {
            collect(opened.provider().getPath(uri), files);
        }
    }

    private static void collect(Path dir, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (files.putIfAbsent(relative, Files.readAllBytes(file)) != null) {
                    throw new IllegalStateException("Two classpath files at " + relative + " under " + dir);
                }
            }
        }
    }
}
