package org.haochaping.examples.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.haochaping.scorecard.ActiveRateBasis;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.ScorecardSql;

/**
 * The scorecard (Art. 23-26) of statistics records that outgrow one machine: the records (JSON lines of
 * docs/interface-spec.md §2, any number of files) become the statistics table, and the query of
 * {@code hcp scorecard sql --dialect spark} computes the figures on the cluster, with the same definitions and
 * rounding as the SDK. No distribution of our own: Spark does it.
 *
 * <p>Usage: {@code ScorecardOnSpark RECORDS [department|district|hall|staff]} (see README.md for spark-submit).
 */
public final class ScorecardOnSpark {

    private ScorecardOnSpark() {
    }

    /** The statistics table as a view named {@value ScorecardSql#DEFAULT_TABLE}, from JSON-lines records. */
    public static void registerStatistics(SparkSession spark, String jsonLines) {
        StructType schema = new StructType();
        for (String field : new String[] {"kind", "evaluationId", "caseNo", "deptCode", "areaCode", "hallCode",
            "staffNo", "grade", "evaluatedAt", "completedAt", "orderNo", "state", "followUp"}) {
            schema = schema.add(field, DataTypes.StringType);
        }
        Dataset<Row> records = spark.read().schema(schema).option("mode", "FAILFAST").json(jsonLines);
        records.selectExpr("kind", "evaluationId AS evaluation_id", "caseNo AS case_no", "deptCode AS dept_code",
                "areaCode AS area_code", "hallCode AS hall_code", "staffNo AS staff_no", "grade",
                "evaluatedAt AS evaluated_at", "completedAt AS completed_at", "orderNo AS order_no", "state",
                "followUp AS follow_up").createOrReplaceTempView(ScorecardSql.DEFAULT_TABLE);
    }

    /** The figures, one row per group (ranked first), as {@code hcp scorecard sql --dialect spark} defines them. */
    public static Dataset<Row> scorecard(SparkSession spark, GroupBy by, ScoreWeights weights, ActiveRateBasis basis) {
        return spark.sql(ScorecardSql.query(ScorecardSql.Dialect.SPARK, by, weights, basis, ScorecardSql.DEFAULT_TABLE));
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScorecardOnSpark RECORDS [department|district|hall|staff]");
            System.exit(2);
        }
        GroupBy by = args.length > 1 ? GroupBy.fromCliName(args[1]) : null;
        SparkSession spark = SparkSession.builder().appName("hcp scorecard").getOrCreate();
        try {
            registerStatistics(spark, args[0]);
            scorecard(spark, by, ScoreWeights.DEFAULT, ActiveRateBasis.CASES).show(1000, false);
        } finally {
            spark.stop();
        }
    }
}
