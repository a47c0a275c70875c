package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The SDK never touches the JCA provider list and never names a provider. Android ships its own, stripped
 * "BC" provider (a different Bouncy Castle, under another package); registering ours or looking one up by
 * name would give different algorithms on different devices. The SDK uses Bouncy Castle's lightweight classes
 * instead ({@code SM2Signer}, {@code SM3Digest}, {@code SM4Engine}).
 *
 * <p>Scans the bytecode of the three SDK modules for calls that would break that.
 */
class JcaProviderUseTest {

    @ParameterizedTest
    @EnumSource(SdkModules.class)
    void sdkNeverRegistersOrNamesAJcaProvider(SdkModules module) throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path classFile : module.classFiles()) {
            try (InputStream in = Files.newInputStream(classFile)) {
                offences.addAll(providerUses(new ClassReader(in)));
            }
        }
        assertThat(offences).as("JCA provider use in %s", module.artifactId()).isEmpty();
    }

    /** The scan itself finds what it looks for: a class that does everything forbidden. */
    @Test
    void scanFindsEachForbiddenCall() throws IOException {
        String resource = ForbiddenProviderUse.class.getName().replace('.', '/') + ".class";
        try (InputStream in = JcaProviderUseTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> offences = providerUses(new ClassReader(in));
            assertThat(offences).hasSize(5)
                    .anySatisfy(o -> assertThat(o).contains("java.security.Security.addProvider"))
                    .anySatisfy(o -> assertThat(o).contains("java.security.Security.insertProviderAt"))
                    .anySatisfy(o -> assertThat(o).contains("java.security.Security.getProvider"))
                    .anySatisfy(o -> assertThat(o).contains("java.security.MessageDigest.getInstance(String, String)"))
                    .anySatisfy(o -> assertThat(o).contains("javax.crypto.Cipher.getInstance(String, String)"));
        }
    }

    /** Calls that register a provider, look one up by name, or ask an engine class for a named provider. */
    static List<String> providerUses(ClassReader reader) {
        List<String> offences = new ArrayList<>();
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String where = className + "." + name;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor,
                            boolean isInterface) {
                        String called = owner.replace('/', '.') + "." + callee;
                        if (owner.equals("java/security/Security")
                                && (callee.equals("addProvider") || callee.equals("insertProviderAt")
                                        || callee.equals("getProvider"))) {
                            offences.add(where + " calls " + called);
                        }
                        Type[] arguments = Type.getArgumentTypes(calleeDescriptor);
                        if (callee.equals("getInstance") && opcode == Opcodes.INVOKESTATIC
                                && (owner.startsWith("java/security/") || owner.startsWith("javax/crypto/")
                                        || owner.startsWith("javax/net/ssl/"))
                                && arguments.length == 2 && arguments[1].getClassName().equals("java.lang.String")) {
                            offences.add(where + " calls " + called + "(String, String), a provider looked up by name");
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return offences;
    }

    /** Never run: compiled so that the scan has something to find. */
    @SuppressWarnings("unused")
    static final class ForbiddenProviderUse {
        void everythingForbidden(java.security.Provider provider) throws Exception {
            java.security.Security.addProvider(provider);
            java.security.Security.insertProviderAt(provider, 1);
            java.security.Security.getProvider("BC");
            java.security.MessageDigest.getInstance("SM3", "BC");
            javax.crypto.Cipher.getInstance("SM4/ECB/NoPadding", "BC");
            // Allowed: the platform's default provider chosen by the JCA.
            java.security.MessageDigest.getInstance("SHA-256");
        }
    }
}
