package org.karyoloop.ml;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.karyoloop.ml.preprocess.PreprocessRecipe;

/**
 * Builds the architectures karyoloop trains and serves, by name. {@value #V1}: a compact residual CNN
 * for one gray channel (a 3x3 stem, four residual blocks of 16, 32, 64 and 128 channels, each halving
 * the resolution, global average pooling, a linear layer to the class logits), small enough for CPU
 * serving at 96 x 96 (see NOTES-DEPS for its speed). Stateless; thread-safe.
 */
public final class SpreadNet {

    /** The compact residual CNN described above. */
    public static final String V1 = "spreadnet-v1";
    /**
     * The same trunk with a head that sees both the average and the maximum of every feature map: a defect that
     * costs a spread its grade (one touching or crossing pair among 46 chromosomes) is local, and averaging over
     * the whole field dilutes it by the number of positions, where the maximum keeps it.
     */
    public static final String V2 = "spreadnet-v2";

    /**
     * A small network over the spread's measurements ({@link org.karyoloop.ml.spread.SpreadMeter}) instead of
     * its pixels: batch norm of the inputs, two hidden layers of 64 and 32 ReLU units, the class logits. Needs a
     * recipe that {@link org.karyoloop.ml.preprocess.PreprocessRecipe#measure measures}. The grade turns on one
     * touching pair among 46 chromosomes or a tenth of a pixel of focus; at the input sizes a CPU can train in the
     * time a lab allows, the CNNs above do not see that (bench/CHANGELOG.md, quality), the measurements do.
     */
    public static final String MEASURES = "spreadmeasures-v1";

    private static final int[] WIDTHS = {16, 32, 64, 128};

    private SpreadNet() {
    }

    /** Whether {@code architecture} can be built in code (otherwise the artifact must carry its graph). */
    public static boolean knows(String architecture) {
        return V1.equals(architecture) || V2.equals(architecture) || MEASURES.equals(architecture);
    }

    /** Whether {@code architecture} grades measurements rather than pixels. */
    public static boolean measures(String architecture) {
        return MEASURES.equals(architecture);
    }

    /**
     * The preprocessing recipe {@code architecture} is trained and served with: the measurements for
     * {@value #MEASURES}, else the lab's standard recipe at {@code inputSize}, cropped to the spread or not.
     */
    public static PreprocessRecipe recipe(String architecture, int inputSize, boolean cropToSpread) {
        return measures(architecture) ? PreprocessRecipe.measurements()
                : PreprocessRecipe.standard(inputSize).withCropToSpread(cropToSpread);
    }

    /** A fresh, uninitialised block of {@code architecture} with {@code classes} outputs. */
    public static Block build(String architecture, int classes) {
        if (!knows(architecture)) {
            throw new IllegalArgumentException("unknown architecture " + architecture);
        }
        if (measures(architecture)) {
            return new SequentialBlock()
                    .add(BatchNorm.builder().build())
                    .add(Linear.builder().setUnits(64).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(32).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(classes).build());
        }
        SequentialBlock net = new SequentialBlock()
                .add(conv(WIDTHS[0], 3, 1))
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
        for (int width : WIDTHS) {
            net.add(residual(width));
        }
        Block pooling = V1.equals(architecture) ? Pool.globalAvgPool2dBlock()
                : new ParallelBlock(SpreadNet::concat,
                        List.of(Pool.globalAvgPool2dBlock(), Pool.globalMaxPool2dBlock()));
        return net.add(pooling)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** Two 3x3 convolutions (the first with stride 2) added to a strided 1x1 projection, then ReLU. */
    private static Block residual(int width) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(width, 3, 2))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(width, 3, 1))
                .add(BatchNorm.builder().build());
        SequentialBlock shortcut = new SequentialBlock()
                .add(conv(width, 1, 2))
                .add(BatchNorm.builder().build());
        return new SequentialBlock()
                .add(new ParallelBlock(SpreadNet::sum, List.of(main, shortcut)))
                .add(Activation::relu);
    }

    private static NDList concat(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().concat(branches.get(1).singletonOrThrow(), 1));
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static Conv2d conv(int filters, int kernel, int stride) {
        int pad = kernel / 2;
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optBias(false).build();
    }
}
