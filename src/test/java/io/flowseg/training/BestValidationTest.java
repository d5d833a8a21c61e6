package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestValidationTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheLowestGedAndItsStep() {
        BestValidation best = new BestValidation();
        assertFalse(best.any());
        assertTrue(best.offer(250, 0.8));
        assertTrue(best.offer(500, 0.5));
        assertFalse(best.offer(750, 0.6));
        assertFalse(best.offer(1000, 0.5), "a tie keeps the earlier step");
        assertFalse(best.offer(1250, Double.NaN));
        assertEquals(500, best.step());
        assertEquals(0.5, best.ged());
    }

    @Test
    void picksTheBestValidationRowOfALog() throws IOException {
        Path log = dir.resolve("train-log.csv");
        Files.write(log, List.of(TrainingLog.HEADER,
                "50,0.3,0.0002,1.0,900,,10.0",
                "100,0.2,0.0002,1.0,900,0.7100,20.0",
                "150,0.1,0.0002,1.0,900,,30.0",
                "200,0.1,0.0001,1.0,900,0.4200,40.0",
                "250,0.1,0.0001,1.0,900,0.5300,50.0"));
        BestValidation best = BestValidation.fromLog(log);
        assertEquals(200, best.step());
        assertEquals(0.42, best.ged());
        assertFalse(BestValidation.fromLog(dir.resolve("absent.csv")).any());
    }
}
