package dev.tapegrad.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.regex.Pattern;

/**
 * Replaces a file atomically: the bytes go to a temporary file beside the target, are forced to disk,
 * and the temporary file is renamed over the target, so a crash leaves the old file or the new one.
 *
 * <p>The temporary file is named {@code .<target>.<pid>-<nanos>.tapegrad-tmp} and holds an exclusive
 * lock while it is written. A save killed mid-write leaves its temporary file behind, without the
 * lock; the next save to the same target removes every such file it can lock, and leaves alone one a
 * save still in progress holds.
 *
 * <p>The new file gets the replaced file's POSIX mode, or, for a new target, the mode any new file
 * gets ({@code 0666} less the umask): a checkpoint another user or a serving container could read
 * stays readable.
 */
final class CheckpointWriter {
    private static final String SUFFIX = ".tapegrad-tmp";

    private CheckpointWriter() {}

    /**
     * Writes {@code data} with {@code writer} to a temporary file beside {@code path} and renames it
     * over {@code path}. On any failure the temporary file is deleted and {@code path} is left as it
     * was; the error names {@code path}, not the temporary file the caller never asked for.
     */
    static void replace(Path path, ByteBuffer data, Checkpoint.ChannelWriter writer) throws IOException {
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir) ? "is not a directory" : "does not exist; create it first "
                    + "(Files.createDirectories)";
            throw new NoSuchFileException(path.toString(), null, "checkpoint: cannot save " + path + ": the directory "
                    + dir + " " + why);
        }
        String target = path.getFileName().toString();
        removeStale(dir, target);
        Path tmp = null;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                long stamp = System.nanoTime() + attempt;
                tmp = dir.resolve("." + target + "." + ProcessHandle.current().pid() + "-" + stamp + SUFFIX);
                try {
                    // No file attributes: the OS gives the new file 0666 less the umask, as for any new file.
                    ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    tmp = null; // another save picked the same name; try the next
                }
            }
            try (FileChannel open = ch; FileLock lock = open.lock()) {
                writer.write(open, data);
                open.force(true);
            }
            keepMode(path, tmp);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("checkpoint: saving " + path + " failed, the file there is unchanged (" + e + ")", e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Gives {@code tmp} the POSIX mode of the file it replaces, if there is one and the file system has modes. */
    private static void keepMode(Path path, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (old != null && Files.exists(path)) {
            Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
    }

    /**
     * Deletes the temporary files earlier saves to {@code target} left behind. One whose lock cannot
     * be taken belongs to a save in progress (in this process or another) and stays. Best effort: a
     * file that cannot be removed is left for the next save.
     */
    private static void removeStale(Path dir, String target) {
        Pattern ours = Pattern.compile(Pattern.quote("." + target + ".") + "\\d+-\\d+" + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + globQuote(target) + ".*" + SUFFIX)) {
            for (Path f : files) {
                if (ours.matcher(f.getFileName().toString()).matches()) {
                    removeIfUnlocked(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The directory cannot be listed: nothing to clean, and the save itself reports real problems.
        }
    }

    private static void removeIfUnlocked(Path f) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(f);
            }
        } catch (OverlappingFileLockException inUseHere) {
            // a save in this process is writing it
        } catch (IOException e) {
            // gone already, or not ours to remove
        }
    }

    /** {@code s} with the glob's special characters escaped. */
    private static String globQuote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("*?[]{}\\,!-".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
