package org.haochaping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public exception type of sdk-core that reaches a caller is an {@link HcpException}: one catch handles what
 * the SDK throws. (I/O exceptions of the transport are causes of a {@code TransportException}.)
 */
class ExceptionFamilyTest {

    @Test
    void everyPublicExceptionOfTheModuleExtendsHcpException() throws Exception {
        List<Class<?>> exceptions = publicExceptionTypes(HcpException.class);
        // The 21 types the SDK had before HcpException, by name, so a renamed or lost one is noticed.
        assertThat(exceptions).extracting(Class::getSimpleName).contains("CryptoException", "ValidationException",
                "WorkOrderException", "IllegalTransitionException", "OutboxException", "OutboxFullException",
                "OutboxStorageException", "RecordRejectedException", "TransportException", "ServiceException",
                "MalformedPayloadException", "MalformedResponseException", "CalendarDataException",
                "DateNotCoveredException", "StatisticsRecordException", "InvalidWeightsException");
        for (Class<?> type : exceptions) {
            if (java.io.IOException.class.isAssignableFrom(type)) {
                // A transport's I/O failure (e.g. ResponseTooLargeException): the cause of the TransportException
                // the caller sees, never thrown to the caller itself.
                continue;
            }
            assertThat(HcpException.class).as(type.getName()).isAssignableFrom(type);
        }
    }

    /** The public classes named *Exception in the class-file tree that holds {@code anchor}. */
    static List<Class<?>> publicExceptionTypes(Class<?> anchor) throws IOException, URISyntaxException {
        Path root = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(f -> f.endsWith("Exception.class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(root.getFileSystem().getSeparator(), "."))
                    .map(ExceptionFamilyTest::load)
                    .filter(c -> Modifier.isPublic(c.getModifiers()) && c != HcpException.class)
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ExceptionFamilyTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
