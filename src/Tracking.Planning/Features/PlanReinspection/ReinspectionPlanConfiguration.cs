using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracking.Planning.Features.PlanReinspection;

public sealed class ReinspectionPlanConfiguration : IEntityTypeConfiguration<ReinspectionPlan>
{
    public void Configure(EntityTypeBuilder<ReinspectionPlan> plan)
    {
        plan.ToTable("reinspection_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.ProviderId).HasMaxLength(64);
        plan.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        plan.Property(p => p.CreatedBy).HasMaxLength(200);
        plan.Property(p => p.UpdatedBy).HasMaxLength(200);
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.HasIndex(p => new { p.ProviderId, p.PlannedOn });
    }
}
