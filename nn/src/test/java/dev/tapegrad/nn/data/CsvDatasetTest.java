package dev.tapegrad.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsFeaturesAndMapsLabelsToSortedClasses() throws IOException {
        Path f = write("a,species,\"b, quoted\"\n1.5,versicolor,2\n-3,setosa,4e1\n0,versicolor,1\n");
        Dataset d = CsvDataset.read(f, "species");
        assertEquals(List.of("a", "b, quoted"), d.featureNames());
        assertEquals(List.of("setosa", "versicolor"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.classes());
        assertArrayEquals(new double[] {-3, 40}, d.features()[1]);
    }

    @Test
    void anUnnamedIndexColumnAndAByteOrderMarkAreAccepted() throws IOException {
        Dataset d = CsvDataset.read(write("\uFEFF,x,y\n0,1.5,a\n1,2.5,b\n"), "y");
        assertEquals(List.of("column 1", "x"), d.featureNames());
        assertArrayEquals(new double[] {1, 2.5}, d.features()[1]);
        Dataset first = CsvDataset.read(write("\uFEFFlabel,x\na,1\nb,2\n"), "label");
        assertEquals(List.of("a", "b"), first.classNames());
    }

    @Test
    void numericLabelsAreOrderedAsNumbers() throws IOException {
        Dataset d = CsvDataset.read(write("x,y\n1,10\n2,9\n3,10\n"), "y");
        assertEquals(List.of("9", "10"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.classes());
    }

    @Test
    void aBadCellIsNamedByRowAndColumn() throws IOException {
        Path f = write("x,y,label\n1,2,a\n3,oops,b\n");
        var e = assertThrows(CsvDataException.class, () -> CsvDataset.read(f, "label"));
        assertEquals(f + ": row 2, column 'y': 'oops' is not a finite number", e.getMessage());
    }

    @Test
    void aMissingColumnListsTheColumns() throws IOException {
        Path f = write("x,y,label\n1,2,a\n");
        var e = assertThrows(CsvDataException.class, () -> CsvDataset.read(f, "class"));
        assertEquals(f + ": no column named 'class'; the columns are x, y, label", e.getMessage());
    }

    @Test
    void shortRowsEmptyFilesAndMissingFiles() throws IOException {
        Path f = write("x,y,label\n1,2,a\n3,b\n");
        var shortRow = assertThrows(CsvDataException.class, () -> CsvDataset.read(f, "label"));
        assertEquals(f + ": row 2 has 2 cells, the header has 3 columns", shortRow.getMessage());
        Path empty = write("");
        var e = assertThrows(CsvDataException.class, () -> CsvDataset.read(empty, "label"));
        assertEquals(empty + ": the file is empty; expected a header row naming the columns", e.getMessage());
        assertThrows(NoSuchFileException.class, () -> CsvDataset.read(dir.resolve("none.csv"), "label"));
    }
}
