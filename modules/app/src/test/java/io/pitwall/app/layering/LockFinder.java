package io.pitwall.app.layering;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the locks in compiled classes: {@code synchronized} methods, {@code synchronized} blocks
 * (the {@code monitorenter} instruction), any use of {@code java.util.concurrent.locks}, and {@code
 * Object.wait}. Reads the bytecode, so that a block the source hides (a lambda, a nested class) is
 * found as well.
 */
final class LockFinder {

  private LockFinder() {}

  /**
   * The locks of a class, one line each ({@code Class#method: what}).
   *
   * @param type a class on the test's class path
   * @param methods which of its methods to look at (by name)
   */
  static List<String> locks(Class<?> type, Predicate<String> methods) {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no class file for " + type.getName());
      }
      List<String> found = new ArrayList<>();
      new ClassReader(in).accept(new Visitor(type.getName(), methods, found), 0);
      return found;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static final class Visitor extends ClassVisitor {
    private final String name;
    private final Predicate<String> methods;
    private final List<String> found;

    Visitor(String name, Predicate<String> methods, List<String> found) {
      super(Opcodes.ASM9);
      this.name = name;
      this.methods = methods;
      this.found = found;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String method, String descriptor, String signature, String[] exceptions) {
      // a lambda's body is a synthetic method named after the method it is written in
      String owner = method.startsWith("lambda$") ? method.split("\\$")[1] : method;
      if (!methods.test(owner)) {
        return null;
      }
      String where = name + "#" + method;
      if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
        found.add(where + ": synchronized method");
      }
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitInsn(int opcode) {
          if (opcode == Opcodes.MONITORENTER) {
            found.add(where + ": synchronized block");
          }
        }

        @Override
        public void visitMethodInsn(
            int opcode, String target, String called, String desc, boolean isInterface) {
          if (target.startsWith("java/util/concurrent/locks/")) {
            found.add(where + ": calls " + target.replace('/', '.') + "." + called);
          } else if (target.equals("java/lang/Object") && called.equals("wait")) {
            found.add(where + ": calls Object.wait");
          }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          if (type.startsWith("java/util/concurrent/locks/")) {
            found.add(where + ": uses " + type.replace('/', '.'));
          }
        }
      };
    }
  }
}
